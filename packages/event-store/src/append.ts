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
 * plain insert on the development machine (postgres-js, Postgres 15; the same check folded into one statement ran at
 * 82-103%). The statement:
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
  /** A command row to insert in the same statement (see `RecordRow`): written only when the events are. */
  record?: RecordRow,
): Promise<{ position: number; streamVersion: number; txId: number; hadTxId: boolean }[]> {
  const exact = typeof expected === "number" && expected > 0;
  const mode = exact ? "exact" : expected === 0 ? "no_stream" : (expected as Exclude<ExpectedVersion, number>);
  const single = events.length === 1;
  const params: unknown[] = [streamId, streamType, events.length];
  if (single) {
    const [e] = events;
    params.push(e!.eventId, e!.type, e!.schemaVersion, e!.dataJson, e!.metadataJson);
  } else {
    params.push(`[${events
      .map((e) => `{"i":"${e.eventId}","t":${JSON.stringify(e.type)},"v":${e.schemaVersion},"d":${e.dataJson},"m":${e.metadataJson}}`)
      .join(",")}]`);
  }
  if (exact) params.push(expected);
  const key = `${single ? "one" : "many"}:${mode}${probe ? "+probe" : ""}`;
  let text = APPEND[key]!;
  if (record) {
    // The record's parameters follow the append's, whose number depends on the shape and mode.
    text = (APPEND_RECORDED[key] ??= withRecord(text, params.length + 1));
    params.push(record.commandId, record.commandJson, record.readVersionsJson);
  }
  const rows = await run<{ position: string; stream_version: string; tx_id: string; had_tx_id: boolean }>(executor, text, params);
  return rows.map((r) => ({
    position: Number(r.position),
    streamVersion: Number(r.stream_version),
    txId: Number(r.tx_id),
    hadTxId: r.had_tx_id,
  }));
}

// Parameters: $1 stream id, $2 stream type, $3 number of events, then
// - one event ("one"):   $4 id, $5 type, $6 schema version, $7 data, $8 metadata, $9 the exact expected version;
// - several ("many"):    $4 the events as one JSON array, $5 the exact expected version.
// A single event, the common case, gets its values directly: no JSON array to build, parse and unpack.
// Outside a transaction the probe is left out: a stored id then fails the insert on its unique index, which is
// cheaper for the common case (a new id) and is explained afterwards by `explainRefusal`.
const SHAPES = {
  one: {
    source: "b as (select $4::uuid as id, $5::text as type, $6::int as sv, $7::jsonb as data, $8::jsonb as meta, 1::bigint as ord)",
    fresh: "not exists (select 1 from events where event_id = $4::uuid)",
    expected: "$9",
  },
  many: {
    source: `b as (select (u.e->>'i')::uuid as id, u.e->>'t' as type, (u.e->>'v')::int as sv, u.e->'d' as data,
                          u.e->'m' as meta, u.ord from jsonb_array_elements($4::jsonb) with ordinality as u(e, ord))`,
    fresh: "not exists (select 1 from events where event_id in (select b.id from b))",
    expected: "$5",
  },
};

function bump(mode: string, fresh: string, expected: string): string {
  switch (mode) {
    case "no_stream":
      return `insert into streams (stream_id, stream_type, version) select $1, $2, $3::bigint from l where ${fresh}
        on conflict (stream_id) do nothing returning version`;
    case "any":
      return `insert into streams as st (stream_id, stream_type, version) select $1, $2, $3::bigint from l where ${fresh}
        on conflict (stream_id) do update set version = st.version + $3::bigint, updated_at = now() returning st.version`;
    case "stream_exists":
      return `update streams st set version = st.version + $3::bigint, updated_at = now()
        from l where st.stream_id = $1 and ${fresh} returning st.version`;
    default:
      return `update streams st set version = st.version + $3::bigint, updated_at = now()
        from l where st.stream_id = $1 and st.version = ${expected}::bigint and ${fresh} returning st.version`;
  }
}

const APPEND: Record<string, string> = {};
for (const [shapeName, shape] of Object.entries(SHAPES)) {
  for (const mode of ["no_stream", "any", "stream_exists", "exact"]) {
    for (const probe of [false, true]) {
      APPEND[`${shapeName}:${mode}${probe ? "+probe" : ""}`] = `with l as (
        select pg_current_xact_id_if_assigned() is not null as had_tx_id, pg_advisory_xact_lock(${STREAM_LOCK}, hashtext($1))),
      ${shape.source},
      s as (${bump(mode, probe ? shape.fresh : "true", shape.expected)}),
      ins as (
        insert into events (event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata)
        select b.id, $1, $2, s.version - $3::bigint + b.ord, b.type, b.sv, b.data, b.meta
        from s cross join b order by b.ord
        returning position, stream_version, tx_id
      )
      select position, stream_version, tx_id::text as tx_id, (select had_tx_id from l) from ins order by position`;
    }
  }
}

/** A handled command's row (see command-table.ts), recorded by the append statement itself. */
export interface RecordRow {
  commandId: string;
  /** The command as checked JSON text, or null. */
  commandJson: string | null;
  /** `{ streamId: version }` of every stream the decision read, as JSON text. */
  readVersionsJson: string;
}

const APPEND_RECORDED: Record<string, string> = {};

/**
 * The append statement plus the command row, whose result is the append's outcome as the command handler records it
 * (`CommandOutcome` of this one stream, built from the inserted rows). One statement is one transaction: the row is
 * written with the events or not at all, with no BEGIN and COMMIT round trips around them. A refused append inserts
 * no events, so no row either; a command id stored already fails the statement on its unique key, events included.
 */
function withRecord(append: string, first: number): string {
  const [id, command, reads] = [first, first + 1, first + 2].map((n) => `$${n}`);
  const outcome = `(select jsonb_build_object('txId', (i.tx_id::text)::bigint, 'position', i.position)
    from ins i order by i.position desc limit 1)`;
  const recorded = append.replace(/\n\s*select position, stream_version, tx_id::text as tx_id, \(select had_tx_id from l\) from ins order by position$/, `,
      rec as (
        insert into commands (command_id, stream_ids, result, command, read_versions)
        select ${id}::text, array[$1::text],
               jsonb_build_object(
                 'appended', jsonb_build_array(jsonb_build_object(
                   'streamId', $1::text, 'nextExpectedVersion', max(stream_version), 'idempotent', false,
                   'positions', jsonb_agg(position order by position), 'checkpoint', ${outcome})),
                 'checkpoint', ${outcome}),
               ${command}::text::jsonb, ${reads}::text::jsonb
        from ins having count(*) > 0
      )
      select position, stream_version, tx_id::text as tx_id, (select had_tx_id from l) from ins order by position`);
  if (recorded === append) throw new Error("append statement: its final select changed; withRecord must follow");
  return recorded;
}

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
