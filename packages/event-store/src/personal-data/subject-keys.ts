import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { query, type Executor } from "../db/database.ts";
import { ConfigurationError, ValidationError } from "../errors.ts";
import { dataKeyOf, type DataKey } from "./field-cipher.ts";
import { masterKeyToken, opensToken, unwrapDataKey, wrapDataKey, type MasterKey } from "./master-key.ts";

/** A subject's key as a reader finds it: usable, or destroyed because the subject was forgotten. */
export type SubjectKey = DataKey | "forgotten";

const SUBJECT = /^[A-Za-z0-9][A-Za-z0-9_.:@-]{0,254}$/;

export function assertSubject(subject: unknown): string {
  if (typeof subject !== "string" || !SUBJECT.test(subject)) {
    throw new ValidationError(`"${String(subject).slice(0, 80)}" is not a data subject id (letters, digits, _ . : @ -)`, "subject");
  }
  return subject;
}

/**
 * The table of subject keys, seen through one master key. Unwrapped keys are cached by their wrapped bytes, but the
 * table is asked on every read that needs a key (one statement per page), so a key destroyed by another process is
 * never used again from a stale cache.
 */
export class SubjectKeys {
  private readonly cache = new Map<string, DataKey>();

  constructor(readonly master: MasterKey) {}

  /** The keys of these subjects; a subject without a row has no entry (nothing of theirs was ever encrypted). */
  async find(executor: Executor, subjects: readonly string[]): Promise<Map<string, SubjectKey>> {
    const rows = await query<{ subject: string; wrapped: string | null }>(
      executor,
      sql`select subject, encode(wrapped_key, 'base64') as wrapped from subject_keys
          where subject in (select jsonb_array_elements_text(${JSON.stringify(subjects)}::jsonb))`,
    );
    return new Map(rows.map((row) => [row.subject, row.wrapped === null ? "forgotten" as const : this.unwrap(row.subject, row.wrapped)]));
  }

  /** The keys of these subjects, made (in the caller's transaction) for those who have none yet. */
  async findOrCreate(executor: Executor, subjects: readonly string[], beforeWrite: () => Promise<void>): Promise<Map<string, SubjectKey>> {
    const found = await this.find(executor, subjects);
    const missing = subjects.filter((subject) => !found.has(subject));
    if (missing.length === 0) return found;
    await beforeWrite();
    const fresh = missing.map((subject) => ({ subject: assertSubject(subject), k: wrapDataKey(this.master, subject, randomBytes(32)).toString("base64") }));
    await executor.execute(sql`insert into subject_keys (subject, wrapped_key)
      select s.subject, decode(s.k, 'base64') from jsonb_to_recordset(${JSON.stringify(fresh)}::jsonb) as s(subject text, k text)
      on conflict (subject) do nothing`);
    // Another writer may have made one first: read back whichever key won.
    for (const [subject, key] of await this.find(executor, missing)) found.set(subject, key);
    return found;
  }

  private unwrap(subject: string, wrapped: string): DataKey {
    const cacheKey = `${subject}\u0000${wrapped}`;
    let key = this.cache.get(cacheKey);
    if (key === undefined) {
      try {
        key = dataKeyOf(unwrapDataKey(this.master, subject, Buffer.from(wrapped, "base64")));
      } catch {
        throw new ConfigurationError(`${this.master.source} does not open the key of data subject ${subject}: wrong master key, or the key was changed`);
      }
      if (this.cache.size >= 10_000) this.cache.clear();
      this.cache.set(cacheKey, key);
    }
    return key;
  }
}

/**
 * Checks the master key against the database before anything is read or written: the first start stores a check
 * token made with it; every later start must open that token and one stored subject key. A wrong or changed key is
 * a ConfigurationError naming the setting — never a silent start that would write or read garbage.
 */
export async function verifyMasterKey(executor: Executor, master: MasterKey): Promise<void> {
  const [check] = await query<{ token: string }>(executor, sql`select encode(token, 'base64') as token from master_key_check where id = 1`);
  if (check === undefined) {
    const [anyKey] = await query<{ subject: string }>(executor, sql`select subject from subject_keys where wrapped_key is not null limit 1`);
    if (anyKey) throw new ConfigurationError(`subject keys exist but no master key check: the database was tampered with (${master.source})`);
    await executor.execute(sql`insert into master_key_check (id, token) values (1, decode(${masterKeyToken(master).toString("base64")}, 'base64')) on conflict (id) do nothing`);
    return verifyMasterKey(executor, master);
  }
  if (!opensToken(master, Buffer.from(check.token, "base64"))) {
    throw new ConfigurationError(`${master.source} is not the master key this database's personal data was encrypted with`);
  }
  const [sample] = await query<{ subject: string; wrapped: string }>(
    executor,
    sql`select subject, encode(wrapped_key, 'base64') as wrapped from subject_keys where wrapped_key is not null limit 1`,
  );
  if (sample) {
    try {
      unwrapDataKey(master, sample.subject, Buffer.from(sample.wrapped, "base64"));
    } catch {
      throw new ConfigurationError(`${master.source} opens the check token but not the key of ${sample.subject}: the key table is inconsistent`);
    }
  }
}

/**
 * Destroys a subject's key (leaving a tombstone, so later reads of their old plaintext events are masked too, and
 * their personal data is never encrypted again under a new key). Idempotent: returns false when already forgotten.
 */
export async function destroySubjectKey(executor: Executor, subject: string): Promise<boolean> {
  assertSubject(subject);
  const rows = await query<{ subject: string }>(executor, sql`insert into subject_keys as k (subject, wrapped_key, forgotten_at) values (${subject}, null, now())
    on conflict (subject) do update set wrapped_key = null, forgotten_at = now() where k.forgotten_at is null returning subject`);
  return rows.length > 0;
}

/**
 * Re-wraps every subject key from the old master key to the new one, and the check token, in one transaction:
 * nothing in the log changes (the data keys stay the same). Returns how many keys were re-wrapped.
 */
export async function rewrapSubjectKeys(executor: Executor, from: MasterKey, to: MasterKey): Promise<number> {
  await verifyMasterKey(executor, from);
  const rows = await query<{ subject: string; wrapped: string }>(
    executor,
    sql`select subject, encode(wrapped_key, 'base64') as wrapped from subject_keys where wrapped_key is not null for update`,
  );
  const rewrapped = rows.map((row) => ({
    subject: row.subject,
    k: wrapDataKey(to, row.subject, unwrapDataKey(from, row.subject, Buffer.from(row.wrapped, "base64"))).toString("base64"),
  }));
  if (rewrapped.length > 0) {
    await executor.execute(sql`update subject_keys set wrapped_key = decode(s.k, 'base64')
      from jsonb_to_recordset(${JSON.stringify(rewrapped)}::jsonb) as s(subject text, k text) where subject_keys.subject = s.subject`);
  }
  await executor.execute(sql`update master_key_check set token = decode(${masterKeyToken(to).toString("base64")}, 'base64'), rotated_at = now() where id = 1`);
  return rewrapped.length;
}
