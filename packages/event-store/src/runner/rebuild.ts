import { sql } from "drizzle-orm";
import { query, type Database } from "../db/database.ts";
import { START } from "../checkpoint.ts";
import { revealEvents } from "../personal-data/protection.ts";
import { readAllPage } from "../read.ts";
import { applyBatch, type BatchOutcome, type RetryPolicy } from "./apply-batch.ts";
import { loadCheckpoint, markFailed } from "./checkpoints.ts";
import { indexNamesOf, restoreIndexNames } from "./table-names.ts";
import type { Projection } from "./types.ts";

export const REBUILD_SUFFIX = "__rebuild";
export const rebuildName = (projection: string) => `${projection}${REBUILD_SUFFIX}`;
export const shadowTable = (table: string) => `${table}${REBUILD_SUFFIX}`;

/**
 * Starts a rebuild: empty copies of the projection's tables (same columns, keys and indexes) and a checkpoint row
 * at the start of the log. The live tables keep serving, and keep being updated, until the swap.
 */
export async function startRebuild(database: Database, projection: Projection): Promise<void> {
  const streamTypes = projection.streamTypes?.join(",") ?? null;
  await database.db.transaction(async (tx) => {
    for (const table of projection.tables) {
      await tx.execute(sql`drop table if exists ${sql.identifier(shadowTable(table))}`);
      await tx.execute(sql`create table ${sql.identifier(shadowTable(table))} (like ${sql.identifier(table)} including all)`);
    }
    await tx.execute(sql`delete from projection_checkpoints where name = ${rebuildName(projection.name)}`);
    await tx.execute(sql`insert into projection_checkpoints (name, started_at, events_total)
      select ${rebuildName(projection.name)}, now(), count(*) from events
      where ${streamTypes === null ? sql`true` : sql`stream_type = any(string_to_array(${streamTypes}, ','))`}`);
    await tx.execute(sql`update projection_checkpoints set rebuild_requested_at = null where name = ${projection.name}`);
  });
}

/**
 * One step of a rebuild: a batch into the copies, or — once they have caught up with the log — the swap, in one
 * transaction: the last events into the copies, the copies renamed into place, the live checkpoint set to theirs.
 * Returns whether it did any work.
 */
export async function rebuildStep(database: Database, projection: Projection, batchSize: number, policy: RetryPolicy): Promise<boolean> {
  const name = rebuildName(projection.name);
  const row = await loadCheckpoint(database.db, name);
  if (!row || row.status === "failed") return false;
  const filter = projection.streamTypes ? { streamTypes: [...projection.streamTypes] } : undefined;
  const page = await revealEvents(database, database.db, await readAllPage(database.db, row.checkpoint, batchSize, filter));
  if (page.length > 0) {
    const target = { database, projection, checkpointName: name, table: shadowTable };
    const outcome: BatchOutcome = await applyBatch(target, row.checkpoint, page, policy);
    if (!outcome.ok) await markFailed(database.db, name, String(outcome.error), outcome.failed);
    if (page.length === batchSize || !outcome.ok) return true;
  }
  await swap(database, projection);
  return true;
}

async function swap(database: Database, projection: Projection): Promise<void> {
  const name = rebuildName(projection.name);
  const filter = projection.streamTypes ? { streamTypes: [...projection.streamTypes] } : undefined;
  await database.db.transaction(async (tx) => {
    // Nothing reads or writes the live tables while they are swapped.
    for (const table of projection.tables) await tx.execute(sql`lock table ${sql.identifier(table)} in access exclusive mode`);
    const [rebuild] = await query<{ tx_id: string; position: string }>(tx, sql`select tx_id::text, position from projection_checkpoints where name = ${name}`);
    let checkpoint = rebuild ? { txId: Number(rebuild.tx_id), position: Number(rebuild.position) } : START;
    const next = async () => revealEvents(database, tx, await readAllPage(tx, checkpoint, 1000, filter));
    for (let page = await next(); page.length > 0; page = await next()) {
      await projection.apply(page, { executor: tx, table: shadowTable });
      const last = page[page.length - 1]!;
      checkpoint = { txId: last.txId, position: last.position };
    }
    for (const table of projection.tables) {
      const names = await indexNamesOf(tx, table);
      await tx.execute(sql`drop table ${sql.identifier(table)}`);
      await tx.execute(sql`alter table ${sql.identifier(shadowTable(table))} rename to ${sql.identifier(table)}`);
      await restoreIndexNames(tx, table, names);
    }
    await tx.execute(sql`update projection_checkpoints set tx_id = ${String(checkpoint.txId)}::xid8, position = ${checkpoint.position},
      status = 'running', error = null, error_event_id = null, error_position = null, updated_at = now()
      where name = ${projection.name}`);
    await tx.execute(sql`delete from projection_checkpoints where name = ${name}`);
  });
}

export interface RebuildProgress {
  done: number;
  total: number;
}

/**
 * Rebuilds a projection from the start of the log, here and now (the CLI and the benchmark use it; in a running
 * system, `requestRebuild` lets the projection's leader do it). Safe next to a running leader: the swap locks the
 * live tables and moves the live checkpoint, so the leader's next compare-and-set fails and it re-reads.
 */
export async function rebuildProjection(
  database: Database,
  projection: Projection,
  options: { batchSize?: number; retry?: RetryPolicy; onProgress?: (progress: RebuildProgress) => void } = {},
): Promise<void> {
  const { batchSize = 2000, retry = { attempts: 3, baseDelayMs: 100 }, onProgress } = options;
  await database.db.execute(sql`insert into projection_checkpoints (name) values (${projection.name}) on conflict do nothing`);
  await startRebuild(database, projection);
  const name = rebuildName(projection.name);
  for (;;) {
    const row = await loadCheckpoint(database.db, name);
    if (!row) return; // swapped in
    if (row.status === "failed") throw new Error(`rebuild of ${projection.name} halted: ${row.error}`);
    onProgress?.({ done: row.eventsDone, total: Math.max(row.eventsTotal ?? 0, row.eventsDone) });
    await rebuildStep(database, projection, batchSize, retry);
  }
}
