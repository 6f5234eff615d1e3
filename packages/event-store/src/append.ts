import { sql } from "drizzle-orm";
import { query, run, type Executor } from "./db/database.ts";
import { ConcurrencyError, DuplicateEventError } from "./errors.ts";
import { sameJson } from "./json.ts";
import type { PreparedEvent } from "./validate.ts";
import type { AppendResult, ExpectedVersion } from "./types.ts";

/** Advisory-lock namespace of stream appends (the second key is the stream id's hash). */
const STREAM_LOCK = 1129530188;

/**
 * Appends in ONE statement (one round trip), because separate check-then-insert statements measured at 30-47% of a
 * plain insert here (../shared/TOOLCHAIN.md). The statement:
 * 1. takes a transaction-scoped advisory lock on the stream BEFORE writing anything. A transaction gets its id
 *    (xid) at its first write, so appends to one stream get increasing xids in stream-version order, and readers
 *    that order by (xid, position) see each stream in version order. Different streams never wait for each other.
 *    It also reports whether the transaction already had an xid: then the lock came too late to order it (see
 *    `lockStreams`), unless the stream was locked at the start of the transaction.
 * 2. bumps the stream's version, only if the expected version holds and none of the event ids is stored yet;
 * 3. inserts the events, numbered from the new version, only when step 2 bumped the stream.
 * No row back means "refused": `explainRefusal` then finds out whether it was a retry or a conflict.
 */
export async function appendStatement(
  executor: Executor,
  streamId: string,
  streamType: string,
  events: PreparedEvent[],
  expected: ExpectedVersion,
  /** Look for already-stored event ids first (inside a transaction, where a unique violation would abort it). */
  probe: boolean,
): Promise<{ position: number; streamVersion: number; txId: number; hadTxId: boolean }[]> {
  const batch = `[${events
    .map((e) => `{"i":"${e.eventId}","t":${JSON.stringify(e.type)},"v":${e.schemaVersion},"d":${e.dataJson},"m":${e.metadataJson}}`)
    .join(",")}]`;
  const exact = typeof expected === "number" && expected > 0;
  const params = [streamId, streamType, events.length, batch, ...(exact ? [expected] : [])];
  const rows = await run<{ position: string; stream_version: string; tx_id: string; had_tx_id: boolean }>(
    executor,
    APPEND[`${exact ? "exact" : expected === 0 ? "no_stream" : (expected as Exclude<ExpectedVersion, number>)}${probe ? "+probe" : ""}`]!,
    params,
  );
  return rows.map((r) => ({
    position: Number(r.position),
    streamVersion: Number(r.stream_version),
    txId: Number(r.tx_id),
    hadTxId: r.had_tx_id,
  }));
}

// $1 stream id, $2 stream type, $3 number of events, $4 the events as a JSON array, $5 the exact expected version.
// Outside a transaction the probe is left out: a stored id then fails the insert on its unique index, which is
// cheaper for the common case (a new id) and is explained afterwards by `explainRefusal`.
const FRESH = "not exists (select 1 from events where event_id in (select (b.e->>'i')::uuid from b))";
const BUMP = (fresh: string) => ({
  no_stream: `insert into streams (stream_id, stream_type, version)
      select $1, $2, $3::bigint from l where ${fresh}
      on conflict (stream_id) do nothing returning version`,
  any: `insert into streams as st (stream_id, stream_type, version)
      select $1, $2, $3::bigint from l where ${fresh}
      on conflict (stream_id) do update set version = st.version + $3::bigint, updated_at = now()
      returning st.version`,
  stream_exists: `update streams st set version = st.version + $3::bigint, updated_at = now()
      from l where st.stream_id = $1 and ${fresh} returning st.version`,
  exact: `update streams st set version = st.version + $3::bigint, updated_at = now()
      from l where st.stream_id = $1 and st.version = $5::bigint and ${fresh} returning st.version`,
});
const VARIANTS = [
  ...Object.entries(BUMP("true")),
  ...Object.entries(BUMP(FRESH)).map(([mode, bump]) => [`${mode}+probe`, bump] as const),
];
const APPEND: Record<string, string> = Object.fromEntries(
  VARIANTS.map(([mode, bump]) => [
    mode,
    `with l as (select pg_current_xact_id_if_assigned() is not null as had_tx_id,
                       pg_advisory_xact_lock(${STREAM_LOCK}, hashtext($1))),
    b as (select e, ord from jsonb_array_elements($4::jsonb) with ordinality as u(e, ord)),
    s as (${bump}),
    ins as (
      insert into events (event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata)
      select (b.e->>'i')::uuid, $1, $2, s.version - $3::bigint + b.ord, b.e->>'t', (b.e->>'v')::int, b.e->'d', b.e->'m'
      from s cross join b order by b.ord
      returning position, stream_version, tx_id
    )
    select position, stream_version, tx_id::text as tx_id, (select had_tx_id from l) from ins order by position`,
  ]),
);

/**
 * The append was refused. If every event id is already stored with the same content, it is a retry of an append
 * that succeeded: answer what that append answered. Otherwise it is a conflict.
 */
export async function explainRefusal(
  executor: Executor,
  streamId: string,
  events: PreparedEvent[],
  expected: ExpectedVersion,
): Promise<AppendResult> {
  const stored = await query<StoredRow>(
    executor,
    sql`select event_id::text, stream_id, stream_version, type, schema_version, data, position, tx_id::text
        from events where event_id = any(string_to_array(${events.map((e) => e.eventId).join(",")}, ',')::uuid[])
        order by position`,
  );
  if (stored.length > 0) return replayedResult(streamId, events, stored);
  const [stream] = await query<{ version: string }>(
    executor,
    sql`select version from streams where stream_id = ${streamId}`,
  );
  throw new ConcurrencyError(streamId, String(expected), stream ? Number(stream.version) : 0);
}

interface StoredRow {
  event_id: string;
  stream_id: string;
  stream_version: string;
  type: string;
  schema_version: number;
  data: unknown;
  position: string;
  tx_id: string;
}

function replayedResult(streamId: string, events: PreparedEvent[], stored: StoredRow[]): AppendResult {
  const byId = new Map(stored.map((row) => [row.event_id, row]));
  for (const event of events) {
    const row = byId.get(event.eventId);
    if (!row) {
      throw new DuplicateEventError(event.eventId, "part of this batch is already stored, part is not; refusing a partial retry");
    }
    // Metadata is not compared: a retried request may carry a new correlation id for the same fact.
    const same = row.stream_id === streamId && row.type === event.type && row.schema_version === event.schemaVersion
      && sameJson(row.data, JSON.parse(event.dataJson));
    if (!same) throw new DuplicateEventError(event.eventId, `already stored in ${row.stream_id} with different content`);
  }
  const last = stored[stored.length - 1]!;
  return {
    streamId,
    nextExpectedVersion: Number(last.stream_version),
    positions: stored.map((row) => Number(row.position)),
    checkpoint: { txId: Number(last.tx_id), position: Number(last.position) },
    idempotent: true,
  };
}

/** The driver error behind drizzle's wrapper, for its SQLSTATE and constraint. */
export function pgErrorOf(error: unknown): { code?: string; constraint?: string } | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) {
      const c = e as { code: string; constraint_name?: string; constraint?: string };
      return { code: c.code, constraint: c.constraint_name ?? c.constraint };
    }
  }
  return undefined;
}

/**
 * Locks several streams at the start of a transaction, before it writes anything, in one fixed order (by lock key,
 * so two transactions never deadlock on them). Needed when one transaction appends to more than one stream:
 * otherwise its xid could be taken before it waits for a later stream, and a reader would see that stream's
 * versions out of order.
 */
export async function lockStreams(executor: Executor, streamIds: string[]): Promise<void> {
  await executor.execute(sql`select pg_advisory_xact_lock(${STREAM_LOCK}, k) from
    (select distinct hashtext(s) as k from unnest(string_to_array(${streamIds.join(",")}, ',')) s order by k) keys`);
}
