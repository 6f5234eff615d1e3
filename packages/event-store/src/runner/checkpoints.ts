import { sql } from "drizzle-orm";
import { query, type Executor } from "../db/database.ts";
import type { Checkpoint } from "../types.ts";

export interface CheckpointRow {
  name: string;
  checkpoint: Checkpoint;
  status: "running" | "failed";
  error: string | null;
  errorEventId: string | null;
  errorPosition: number | null;
  failedAt: string | null;
  leader: string | null;
  heartbeatAt: string | null;
  rebuildRequestedAt: string | null;
  eventsDone: number;
  eventsTotal: number | null;
  startedAt: string | null;
  skipped: number;
}

export async function ensureCheckpoint(executor: Executor, name: string): Promise<void> {
  await executor.execute(sql`insert into projection_checkpoints (name) values (${name}) on conflict (name) do nothing`);
}

export async function loadCheckpoints(executor: Executor, names?: readonly string[]): Promise<CheckpointRow[]> {
  const rows = await query<Record<string, unknown>>(
    executor,
    sql`select name, tx_id::text as tx_id, position, status, error, error_event_id::text as error_event_id, error_position,
          failed_at::text as failed_at, leader, heartbeat_at::text as heartbeat_at,
          rebuild_requested_at::text as rebuild_requested_at, events_done, events_total, started_at::text as started_at, skipped
        from projection_checkpoints ${names ? sql`where name = any(string_to_array(${names.join(",")}, ','))` : sql``}
        order by name`,
  );
  return rows.map((r) => ({
    name: String(r.name),
    checkpoint: { txId: Number(r.tx_id), position: Number(r.position) },
    status: r.status as CheckpointRow["status"],
    error: (r.error as string | null) ?? null,
    errorEventId: (r.error_event_id as string | null) ?? null,
    errorPosition: r.error_position == null ? null : Number(r.error_position),
    failedAt: (r.failed_at as string | null) ?? null,
    leader: (r.leader as string | null) ?? null,
    heartbeatAt: (r.heartbeat_at as string | null) ?? null,
    rebuildRequestedAt: (r.rebuild_requested_at as string | null) ?? null,
    eventsDone: Number(r.events_done),
    eventsTotal: r.events_total == null ? null : Number(r.events_total),
    startedAt: (r.started_at as string | null) ?? null,
    skipped: Number(r.skipped),
  }));
}

export async function loadCheckpoint(executor: Executor, name: string): Promise<CheckpointRow | undefined> {
  return (await loadCheckpoints(executor, [name]))[0];
}

/**
 * Moves a checkpoint from `from` to `to` only if it is still at `from` (compare-and-set), inside the transaction
 * that wrote the read-model rows. False means another instance moved it: the caller must roll back.
 */
export async function advanceCheckpoint(
  executor: Executor,
  name: string,
  from: Checkpoint,
  to: Checkpoint,
  eventsDone: number,
): Promise<boolean> {
  const rows = await query(
    executor,
    sql`update projection_checkpoints
        set tx_id = ${String(to.txId)}::xid8, position = ${to.position}, events_done = events_done + ${eventsDone},
            updated_at = now()
        where name = ${name} and tx_id = ${String(from.txId)}::xid8 and position = ${from.position}
        returning name`,
  );
  return rows.length === 1;
}

export async function markFailed(
  executor: Executor,
  name: string,
  error: string,
  event: { eventId: string; position: number },
): Promise<void> {
  await executor.execute(sql`update projection_checkpoints
    set status = 'failed', error = ${error.slice(0, 4000)}, error_event_id = ${event.eventId}::uuid,
        error_position = ${event.position}, failed_at = now(), updated_at = now()
    where name = ${name}`);
}

export async function heartbeat(executor: Executor, names: readonly string[], leader: string): Promise<void> {
  if (names.length === 0) return;
  await executor.execute(sql`update projection_checkpoints set leader = ${leader}, heartbeat_at = now()
    where name = any(string_to_array(${names.join(",")}, ','))`);
}
