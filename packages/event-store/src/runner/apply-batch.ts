import type { Database } from "../db/database.ts";
import { checkpointOf } from "../checkpoint.ts";
import type { Checkpoint, StoredEvent } from "../types.ts";
import { advanceCheckpoint, loadCheckpoint } from "./checkpoints.ts";
import type { Projection } from "./types.ts";

/** Another instance moved the checkpoint: this one is no longer the leader, and its batch was rolled back. */
export class LostLeadership extends Error {
  constructor(readonly projection: string) {
    super(`projection ${projection}: the checkpoint moved under this instance; another instance is applying it`);
  }
}

export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
}

export type BatchOutcome =
  | { ok: true; checkpoint: Checkpoint; applied: number }
  | { ok: false; checkpoint: Checkpoint; applied: number; failed: StoredEvent; error: unknown };

interface Target {
  database: Database;
  projection: Projection;
  /** The checkpoint row: the projection's name, or `<name>__rebuild`. */
  checkpointName: string;
  table(base: string): string;
}

/** Read-model rows and the checkpoint, in one transaction: both move, or neither (exactly-once). */
async function applyOnce(target: Target, from: Checkpoint, events: readonly StoredEvent[]): Promise<void> {
  try {
    await target.database.db.transaction(async (tx) => {
      await target.projection.apply(events, { executor: tx, table: target.table });
      const to = checkpointOf(events[events.length - 1]!);
      if (!(await advanceCheckpoint(tx, target.checkpointName, from, to, events.length))) {
        throw new LostLeadership(target.projection.name);
      }
    });
  } catch (error) {
    // A batch can also fail because another instance applied it first (e.g. its rows' unique keys): then the
    // checkpoint has moved, and that is a lost leadership to step back from, not an event to halt on.
    if (!(error instanceof LostLeadership) && (await checkpointMoved(target, from))) throw new LostLeadership(target.projection.name);
    throw error;
  }
}

async function checkpointMoved(target: Target, from: Checkpoint): Promise<boolean> {
  const row = await loadCheckpoint(target.database.db, target.checkpointName).catch(() => undefined);
  return row !== undefined && (row.checkpoint.txId !== from.txId || row.checkpoint.position !== from.position);
}

async function withRetries(policy: RetryPolicy, work: () => Promise<void>): Promise<unknown | undefined> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= policy.attempts; attempt++) {
    try {
      await work();
      return undefined;
    } catch (error) {
      if (error instanceof LostLeadership) throw error;
      lastError = error;
      if (attempt < policy.attempts) await new Promise((r) => setTimeout(r, policy.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
  return lastError ?? new Error("failed");
}

/**
 * Applies a batch, retrying with backoff. If it keeps failing, applies its events one by one to find the event
 * that fails: everything before it is applied, and the caller halts the projection exactly there.
 */
export async function applyBatch(target: Target, from: Checkpoint, events: readonly StoredEvent[], policy: RetryPolicy): Promise<BatchOutcome> {
  const batchError = await withRetries(policy, () => applyOnce(target, from, events));
  if (batchError === undefined) return { ok: true, checkpoint: checkpointOf(events[events.length - 1]!), applied: events.length };
  let checkpoint = from;
  let applied = 0;
  for (const event of events) {
    const at = checkpoint;
    const error = events.length === 1 ? batchError : await withRetries(policy, () => applyOnce(target, at, [event]));
    if (error !== undefined) return { ok: false, checkpoint, applied, failed: event, error };
    checkpoint = checkpointOf(event);
    applied++;
  }
  return { ok: true, checkpoint, applied };
}
