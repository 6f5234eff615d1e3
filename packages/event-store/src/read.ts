import { sql } from "drizzle-orm";
import { driverOf, query, run, type Driver, type Executor } from "./db/database.ts";
import { ValidationError } from "./errors.ts";
import { START } from "./checkpoint.ts";
import type { Checkpoint, EventFilter, ReadStreamOptions, StoredEvent } from "./types.ts";

// Careful: output names equal column names, so ORDER BY must qualify (events.tx_id), or it sorts the text alias.
export const COLUMNS_TEXT = `event_id::text as event_id, stream_id, stream_type, stream_version, position,
  tx_id::text as tx_id, type, schema_version, data, metadata,
  to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as recorded_at`;
export const COLUMNS = sql.raw(COLUMNS_TEXT);

export interface EventRow {
  event_id: string;
  stream_id: string;
  stream_type: string;
  stream_version: string | number;
  position: string | number;
  tx_id: string;
  type: string;
  schema_version: number;
  data: StoredEvent["data"];
  metadata: StoredEvent["metadata"];
  recorded_at: string;
}

export function toEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    streamVersion: Number(row.stream_version),
    position: Number(row.position),
    txId: Number(row.tx_id),
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
  };
}

export async function readStream(executor: Executor, streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
  const { direction = "forward", limit } = options;
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 1)) {
    throw new ValidationError("must be a whole number >= 1", "limit");
  }
  if (options.from !== undefined && (!Number.isSafeInteger(options.from) || options.from < 0)) {
    throw new ValidationError("must be a stream version >= 0", "from");
  }
  const from = direction === "forward"
    ? sql`and stream_version >= ${options.from ?? 1}::bigint order by stream_version asc`
    : options.from === undefined
      ? sql`order by stream_version desc`
      : sql`and stream_version <= ${options.from}::bigint order by stream_version desc`;
  const rows = await query<EventRow>(
    executor,
    sql`select ${COLUMNS} from events where stream_id = ${streamId} ${from} ${limit ? sql`limit ${limit}` : sql``}`,
  );
  return rows.map(toEvent);
}

/**
 * One keyset page of the global order after `after`, holding only events of transactions older than every
 * transaction still running that could write here (READ_HORIZON_SQL): those are final, so nothing can later appear
 * before them (the ordering trap).
 */
export async function readAllPage(
  executor: Executor,
  after: Checkpoint,
  limit: number,
  filter: EventFilter | undefined,
): Promise<StoredEvent[]> {
  const streamTypes = filter?.streamTypes?.length ? names(filter.streamTypes, "filter.streamTypes") : null;
  const types = filter?.types?.length ? names(filter.types, "filter.types") : null;
  const text = READ_ALL[driverOf(executor)][(streamTypes ? 1 : 0) + (types ? 2 : 0)]!;
  const params: unknown[] = [String(after.txId), after.position, limit];
  if (streamTypes) params.push(streamTypes);
  if (types) params.push(types);
  const rows = await run<EventRow>(executor, text, params);
  return rows.map(toEvent);
}

/**
 * A filtered page plus how far the log reaches in the same snapshot. When the page is not full, every matching
 * event up to `head` is in it, so a reader may move its checkpoint to `head` and not scan the same unrelated
 * events again on its next look (a projection of rare event types would otherwise re-read the whole tail).
 */
export async function readFilteredPageWithHead(
  executor: Executor,
  after: Checkpoint,
  limit: number,
  filter: EventFilter,
): Promise<{ events: StoredEvent[]; head: Checkpoint }> {
  const streamTypes = filter.streamTypes?.length ? names(filter.streamTypes, "filter.streamTypes") : null;
  const types = filter.types?.length ? names(filter.types, "filter.types") : null;
  const variant = (streamTypes ? 1 : 0) + (types ? 2 : 0);
  const params: unknown[] = [String(after.txId), after.position, limit];
  if (streamTypes) params.push(streamTypes);
  if (types) params.push(types);
  const rows = await run<EventRow & { head_tx: string; head_position: string | number }>(executor, WITH_HEAD[driverOf(executor)][variant]!, params);
  if (rows.length === 0) return { events: [], head: START };
  const head = { txId: Number(rows[0]!.head_tx), position: Number(rows[0]!.head_position) };
  return { events: rows.filter((r) => r.event_id !== null).map(toEvent), head };
}

export async function* readAllBatches(
  executor: Executor,
  after: Checkpoint = START,
  batchSize = 1000,
  filter?: EventFilter,
): AsyncGenerator<StoredEvent[]> {
  if (!Number.isSafeInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
    throw new ValidationError("must be a whole number from 1 to 100000", "batchSize");
  }
  let cursor = after;
  for (;;) {
    const page = await readAllPage(executor, cursor, batchSize, filter);
    if (page.length > 0) yield page;
    if (page.length < batchSize) return;
    const last = page[page.length - 1]!;
    cursor = { txId: last.txId, position: last.position };
  }
}

/** The last event a reader can see now (see readAllPage), or START for an empty log. */
export async function headCheckpoint(executor: Executor): Promise<Checkpoint> {
  const [row] = await query<{ tx_id: string; position: string }>(
    executor,
    sql`select tx_id::text, position from events where tx_id < ${sql.raw(readHorizon(executor))}
        order by events.tx_id desc, events.position desc limit 1`,
  );
  return row ? { txId: Number(row.tx_id), position: Number(row.position) } : START;
}

const NAME = /^[A-Za-z0-9_.:-]+$/;

/**
 * How far a reader may read: below every transaction still running that could have written to this database's log.
 * `pg_snapshot_xmin` alone is cluster-wide — a transaction open in ANY database of the server (a long write, a
 * CREATE or DROP DATABASE, which test suites do all the time) held every reader of every database back until it
 * ended. Transaction ids are unique across the cluster, and a backend stays in the database it connected to, so a
 * running id that `pg_stat_activity` shows in another database can never write here and is left out. Every other
 * running id still bounds the read: one of this database, one whose owner has ended since the snapshot, one not
 * shown at all (a prepared transaction, or a role without pg_read_all_stats sees no other role's ids). So the bound
 * never passes a transaction that could still write here, and it is `pg_snapshot_xmin` when nothing can be ruled
 * out. With no running id left, every id below the snapshot's xmax has finished. The reader's own id, if it has
 * one, bounds it too (as it does `pg_snapshot_xmin`). A scalar subquery: evaluated once per statement.
 */
export const READ_HORIZON_SQL = `(select least(coalesce(
    (select min(x) from pg_snapshot_xip(pg_current_snapshot()) as x
      where not exists (select 1 from pg_stat_activity a where a.backend_xid = x::xid
        and a.datid <> (select oid from pg_database where datname = current_database()))),
    pg_snapshot_xmax(pg_current_snapshot())), pg_current_xact_id_if_assigned()))`;

/**
 * PGlite is one connection in one process: no other transaction can be running while a reader reads, so the plain
 * snapshot xmin is exact there, and READ_HORIZON_SQL's look at pg_stat_activity (2 ms a statement on PGlite, most of
 * an embedded projection round) buys nothing.
 */
const HORIZON: Record<Driver, string> = { postgres: READ_HORIZON_SQL, pglite: "pg_snapshot_xmin(pg_current_snapshot())" };

/** The read bound for whichever driver runs `executor`. */
export function readHorizon(executor: Executor): string {
  return HORIZON[driverOf(executor)];
}

const byDriver = <T>(make: (horizon: string) => T): Record<Driver, T> => ({ postgres: make(HORIZON.postgres), pglite: make(HORIZON.pglite) });

// The bound is computed once per statement (the `bound` CTE), so the head and the page agree on it.
const WITH_HEAD = byDriver((horizon) => [0, 1, 2, 3].map((variant) => `with bound as (select ${horizon} as x),
  head as (
    select tx_id::text as head_tx, position as head_position from events
    where tx_id < (select x from bound) order by tx_id desc, position desc limit 1),
  page as (${readAllText(variant, "(select x from bound)")})
  select head.head_tx, head.head_position, page.* from head left join page on true order by page.tx_id::xid8, page.position`));

/** Four fixed statements per driver (no filter, stream types, event types, both), each prepared once per connection. */
const READ_ALL = byDriver((horizon) => [0, 1, 2, 3].map((variant) => readAllText(variant, horizon)));

function readAllText(variant: number, horizon: string): string {
  const filters = [
    variant & 1 ? "and stream_type = any(string_to_array($4, ','))" : "",
    variant & 2 ? `and type = any(string_to_array($${variant & 1 ? 5 : 4}, ','))` : "",
  ].join(" ");
  return `select ${COLUMNS_TEXT} from events
    where (tx_id, position) > ($1::xid8, $2::bigint) and tx_id < ${horizon} ${filters}
    order by events.tx_id, events.position limit $3`;
}

function names(list: string[], path: string): string {
  for (const name of list) if (!NAME.test(name)) throw new ValidationError(`"${name}" is not a valid name`, path);
  return list.join(",");
}
