import { sql } from "drizzle-orm";
import { query } from "../db/database.ts";
import { EventStoreError } from "../errors.ts";
import { readHorizon } from "../read.ts";
import type { EventStore } from "../store.ts";
import type { Checkpoint } from "../types.ts";
import { loadCheckpoints, type CheckpointRow } from "./checkpoints.ts";
import { REBUILD_SUFFIX, rebuildName } from "./rebuild.ts";
import type { Projection } from "./types.ts";

export type ProjectionState = "running" | "catching_up" | "rebuilding" | "failed" | "stopped";

export interface ProjectionStatus {
  name: string;
  state: ProjectionState;
  checkpoint: Checkpoint;
  /** Events of its stream types in the log after its checkpoint that readers may read (capped at 1,000,000). */
  lag: number;
  /**
   * Committed events of its stream types after its checkpoint that readers may not read yet: they wait for an older
   * transaction still running (see `readHold`). Not in `lag`, which counts what the projection could apply now.
   */
  waiting: number;
  leader: string | null;
  heartbeatAt: string | null;
  /** Set from a rebuild request until the leader starts it: a small rebuild can start and finish between two polls. */
  rebuildRequestedAt: string | null;
  error: { message: string; eventId: string | null; position: number | null; at: string | null } | null;
  skipped: number;
  rebuild: { done: number; total: number; ratePerSecond: number; etaSeconds: number | null; failed: string | null } | null;
}

/** A leader that has not shown signs of life for this long counts as gone. */
const STALE_AFTER_MS = 10_000;
const LAG_CAP = 1_000_000;

export async function projectionStatuses(store: EventStore, projections: readonly Projection[], lagThreshold = 500): Promise<ProjectionStatus[]> {
  const names = projections.flatMap((p) => [p.name, rebuildName(p.name)]);
  const rows = new Map((await loadCheckpoints(store.database.db, names)).map((r) => [r.name, r]));
  const [clock] = await query<{ now: string }>(store.database.db, sql`select now()::text as now`);
  const now = Date.parse(clock!.now);
  return Promise.all(projections.map(async (projection) => {
    const row = rows.get(projection.name);
    const rebuild = rows.get(rebuildName(projection.name));
    const checkpoint = row?.checkpoint ?? { txId: 0, position: 0 };
    const { lag, waiting } = await lagAfter(store, checkpoint, projection.streamTypes);
    const alive = row?.heartbeatAt != null && now - Date.parse(row.heartbeatAt) < STALE_AFTER_MS;
    const state: ProjectionState = row?.status === "failed" ? "failed"
      : rebuild ? "rebuilding"
      : !alive ? "stopped"
      : lag > lagThreshold ? "catching_up"
      : "running";
    return {
      name: projection.name,
      state,
      checkpoint,
      lag,
      waiting,
      leader: alive ? row?.leader ?? null : null,
      heartbeatAt: row?.heartbeatAt ?? null,
      rebuildRequestedAt: row?.rebuildRequestedAt ?? null,
      error: row?.status === "failed" ? { message: row.error ?? "", eventId: row.errorEventId, position: row.errorPosition, at: row.failedAt } : null,
      skipped: row?.skipped ?? 0,
      rebuild: rebuild ? rebuildProgress(rebuild, now) : null,
    };
  }));
}

function rebuildProgress(row: CheckpointRow, now: number): NonNullable<ProjectionStatus["rebuild"]> {
  const total = Math.max(row.eventsTotal ?? 0, row.eventsDone);
  const seconds = row.startedAt ? Math.max(0.001, (now - Date.parse(row.startedAt)) / 1000) : 0;
  const rate = seconds > 0 ? row.eventsDone / seconds : 0;
  return {
    done: row.eventsDone,
    total,
    ratePerSecond: Math.round(rate),
    etaSeconds: rate > 0 ? Math.round((total - row.eventsDone) / rate) : null,
    failed: row.status === "failed" ? row.error : null,
  };
}

/** Both counts in one statement, against one read bound: what may be read now, and what waits behind a transaction. */
async function lagAfter(store: EventStore, after: Checkpoint, streamTypes: readonly string[] | undefined): Promise<{ lag: number; waiting: number }> {
  const [row] = await query<{ lag: string; waiting: string }>(store.database.db, sql`
    with bound as (select ${sql.raw(readHorizon(store.database.db))} as x)
    select count(*) filter (where tx_id < (select x from bound)) as lag,
      count(*) filter (where tx_id >= (select x from bound)) as waiting
    from (select tx_id from events where (tx_id, position) > (${String(after.txId)}::xid8, ${after.position}::bigint)
      ${streamTypes ? sql`and stream_type = any(string_to_array(${streamTypes.join(",")}, ','))` : sql``}
    limit ${LAG_CAP}) behind`);
  return { lag: Number(row!.lag), waiting: Number(row!.waiting) };
}

export class ProjectionAdminError extends EventStoreError {
  constructor(message: string) {
    super("VALIDATION", message);
  }
}

/** After a fix: the halted projection tries the failing event again. */
export async function retryProjection(store: EventStore, name: string): Promise<void> {
  const rows = await query(store.database.db, sql`update projection_checkpoints set status = 'running', error = null,
    error_event_id = null, error_position = null, failed_at = null, updated_at = now()
    where name in (${name}, ${rebuildName(name)}) and status = 'failed' returning name`);
  if (rows.length === 0) throw new ProjectionAdminError(`projection ${name} is not halted`);
}

/**
 * Passes over the event a halted projection cannot apply. The skip is itself recorded in the log, as a
 * `ProjectionEventSkipped` event on the stream `projection-<name>`, with who skipped it and why it failed.
 */
export async function skipFailedEvent(store: EventStore, name: string, actor: string): Promise<void> {
  const streamId = `projection-${name.replaceAll(REBUILD_SUFFIX, "")}`;
  await store.transaction(async (tx) => {
    const [row] = await query<{ error: string; event_id: string; tx_id: string; position: string }>(tx.executor, sql`
      select c.error, e.event_id::text, e.tx_id::text, e.position from projection_checkpoints c
      join events e on e.event_id = c.error_event_id where c.name = ${name} and c.status = 'failed' for update of c`);
    if (!row) throw new ProjectionAdminError(`projection ${name} is not halted on an event`);
    await tx.append(streamId, [{
      type: "ProjectionEventSkipped",
      data: { projection: name, eventId: row.event_id, position: Number(row.position), error: row.error },
      metadata: { actor, causationId: row.event_id },
    }]);
    await tx.executor.execute(sql`update projection_checkpoints set tx_id = ${row.tx_id}::xid8, position = ${row.position}::bigint,
      status = 'running', error = null, error_event_id = null, error_position = null, failed_at = null,
      skipped = skipped + 1, updated_at = now() where name = ${name}`);
  }, { streams: [streamId] });
}

/** The leader rebuilds into fresh tables while the current ones keep serving, then swaps. */
export async function requestRebuild(store: EventStore, name: string): Promise<void> {
  const rows = await query(store.database.db, sql`update projection_checkpoints set rebuild_requested_at = now()
    where name = ${name} returning name`);
  if (rows.length === 0) throw new ProjectionAdminError(`no projection named ${name} has run yet`);
}
