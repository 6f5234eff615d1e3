import { sql } from "drizzle-orm";
import { query } from "../db/database.ts";
import { ValidationError } from "../errors.ts";
import type { EventStore } from "../store.ts";
import type { StoredEvent } from "../types.ts";
import { streamTypeOf } from "../validate.ts";
import { protectionOf } from "./protection.ts";
import { assertSubject, destroySubjectKey } from "./subject-keys.ts";

export interface ForgetSubjectOptions {
  /** The streams whose snapshots and recorded commands may hold the subject's personal data in plaintext. */
  streams: readonly string[];
}

export interface ForgetSubjectResult {
  /** False when the subject was already forgotten (forgetting is idempotent). */
  keyDestroyed: boolean;
  snapshotsDeleted: number;
  commandsRedacted: number;
}

/**
 * Crypto-shredding: destroys the subject's data key, so every personal field of theirs in the log reads as erased
 * from now on — the log itself is not touched. In the same transaction it removes what the store keeps outside the
 * log that was made from decrypted data: the snapshots of their streams (states built from plaintext) and the
 * commands recorded for those streams (a command holds the same personal data as the events it decided).
 * Read models and other tables are the application's to clean (its projections react to its own forget event).
 */
export async function forgetSubject(store: EventStore, subject: string, options: ForgetSubjectOptions): Promise<ForgetSubjectResult> {
  assertSubject(subject);
  if (!Array.isArray(options.streams)) throw new ValidationError("must be an array of stream ids", "streams");
  options.streams.forEach(streamTypeOf);
  const streams = JSON.stringify(options.streams);
  return store.database.db.transaction(async (tx) => {
    const keyDestroyed = await destroySubjectKey(tx, subject);
    const snapshots = await query<{ stream_id: string }>(tx, sql`delete from snapshots
      where stream_id in (select jsonb_array_elements_text(${streams}::jsonb)) returning stream_id`);
    const redacted = await query<{ command_id: string }>(tx, sql`update commands set command = null
      where command is not null and stream_ids && array(select jsonb_array_elements_text(${streams}::jsonb)) returning command_id`);
    return { keyDestroyed, snapshotsDeleted: snapshots.length, commandsRedacted: redacted.length };
  });
}

/** Every event about `subject` (as the classifier sees them), decrypted while the key exists: their right of access. */
export async function eventsOfSubject(store: EventStore, subject: string): Promise<StoredEvent[]> {
  assertSubject(subject);
  const protection = protectionOf(store.database);
  if (protection === undefined) throw new ValidationError("personal data protection is not enabled on this store", "subject");
  const found: StoredEvent[] = [];
  for await (const batch of store.readAllBatches({ batchSize: 5000 })) {
    for (const event of batch) if (protection.options.classify(event)?.subject === subject) found.push(event);
  }
  return found;
}
