import { run } from "../db/database.ts";
import { COLUMNS_TEXT, toEvent, type EventRow } from "../read.ts";
import { revealEvents } from "../personal-data/protection.ts";
import type { EventStore, EventStoreSession } from "../store.ts";
import type { StoredEvent } from "../types.ts";
import type { LoadedStream, StreamModel } from "../stream-model.ts";
import type { StoredSnapshot } from "./snapshot-table.ts";

/**
 * A stream's latest snapshot by one reducer version and the events after it, in ONE statement (one round trip,
 * where a lookup then a read took two): a row per event of the tail, the snapshot's version on each and its state
 * only on the first (one row with no event when the tail is empty). Fixed text, prepared once per connection.
 */
const SNAPSHOT_AND_TAIL = `with s as (select version, state from snapshots where stream_id = $1 and reducer_version = $2)
  select s.version as snapshot_version,
         case when e.stream_version is null or e.stream_version = s.version + 1 then s.state end as snapshot_state, e.*
  from (select 1) as one
  left join s on true
  left join lateral (select ${COLUMNS_TEXT} from events
                     where stream_id = $1 and stream_version > coalesce(s.version, 0) order by stream_version) as e on true
  order by e.stream_version`;

type SnapshotAndTailRow = { snapshot_version: string | number | null; snapshot_state: unknown } & { [K in keyof EventRow]: EventRow[K] | null };

/**
 * A stream's current state: its latest snapshot made by this reducer version, if any, then the events after it.
 * A type without `snapshotEvery` never has snapshots written, so its loads read the stream alone.
 */
export async function loadStream<S, E>(
  store: EventStoreSession,
  streamId: string,
  model: StreamModel<S, E>,
  read: (event: StoredEvent) => E,
): Promise<LoadedStream<S>> {
  let snapshot: StoredSnapshot | undefined;
  let tail: StoredEvent[];
  if (model.snapshotEvery) {
    const rows = await run<SnapshotAndTailRow>(store.executor, SNAPSHOT_AND_TAIL, [streamId, model.reducerVersion]);
    const first = rows[0];
    if (first && first.snapshot_version !== null) snapshot = { version: Number(first.snapshot_version), state: first.snapshot_state };
    tail = rows.filter((row) => row.event_id !== null).map((row) => toEvent(row as EventRow));
  } else {
    tail = await store.readStream(streamId);
  }
  // JSON from the database is a fresh object per load, so a decision never sees another's state.
  let state = snapshot ? (snapshot.state as S) : model.initialState();
  for (const event of tail) state = model.evolve(state, read(event));
  return { version: tail.at(-1)?.streamVersion ?? snapshot?.version ?? 0, state, snapshotVersion: snapshot?.version ?? 0 };
}

/**
 * Several streams in ONE statement: per stream, its latest snapshot by its reducer version (none asked for a type
 * without `snapshotEvery`: reducer version -1 matches no row) and the events after it, numbered by the request's
 * order. The rows are those of SNAPSHOT_AND_TAIL, one group per stream.
 */
const snapshotsAndTails = (lookup: string) => `with ids as (select * from unnest($1::text[], $2::int[]) with ordinality as t(stream_id, reducer_version, n)),
  s as (select ids.n, ids.stream_id, sn.version, sn.state from ids
        left join snapshots sn on sn.stream_id = ids.stream_id and sn.reducer_version = ids.reducer_version)
  select ${lookup} s.n, s.version as snapshot_version,
         case when e.stream_version is null or e.stream_version = s.version + 1 then s.state end as snapshot_state, e.*
  from s
  left join lateral (select ${COLUMNS_TEXT} from events
                     where stream_id = s.stream_id and stream_version > coalesce(s.version, 0) order by stream_version) as e on true
  order by s.n, e.stream_version`;
const SNAPSHOTS_AND_TAILS = snapshotsAndTails("");
/**
 * The same, with the outcome a command id was first handled with on every row (a scalar subquery: evaluated once),
 * so a command handler learns in the same round trip whether the command is a repeat.
 */
const COMMAND_AND_SNAPSHOTS_AND_TAILS = snapshotsAndTails("(select result from commands where command_id = $3) as command_result,");

/**
 * The current states of several streams, as `loadStream` gives each, read in one round trip where one per stream
 * took as many (and as many pooled connections at once). Personal fields of the tails are revealed in one lookup.
 */
export async function loadStreams<E>(
  store: EventStore,
  requests: readonly { streamId: string; model: StreamModel<unknown, E> }[],
  read: (event: StoredEvent) => E,
): Promise<LoadedStream<unknown>[]> {
  const rows = await run<SnapshotAndTailRow & { n: string | number }>(store.executor, SNAPSHOTS_AND_TAILS, streamParameters(requests));
  return foldStreams(store, requests, read, rows);
}

/**
 * A command id's first outcome, if it was handled before, and the streams' states (as `loadStreams` gives them),
 * in one round trip: a new command is told so by the statement that loads what it reads, a repeat decides nothing.
 */
export async function lookupAndLoadStreams<E>(
  store: EventStore,
  commandId: string,
  requests: readonly { streamId: string; model: StreamModel<unknown, E> }[],
  read: (event: StoredEvent) => E,
): Promise<{ first: unknown; states: LoadedStream<unknown>[] }> {
  const rows = await run<SnapshotAndTailRow & { n: string | number; command_result: unknown }>(store.executor, COMMAND_AND_SNAPSHOTS_AND_TAILS, [
    ...streamParameters(requests),
    commandId,
  ]);
  const first = rows[0]?.command_result ?? null;
  // A repeat answers with its first outcome: its streams are not folded (nor their personal fields revealed).
  if (first !== null) return { first, states: [] };
  return { first: null, states: await foldStreams(store, requests, read, rows) };
}

function streamParameters<E>(requests: readonly { streamId: string; model: StreamModel<unknown, E> }[]): [string[], number[]] {
  return [requests.map((r) => r.streamId), requests.map((r) => (r.model.snapshotEvery ? r.model.reducerVersion : -1))];
}

async function foldStreams<E>(
  store: EventStore,
  requests: readonly { streamId: string; model: StreamModel<unknown, E> }[],
  read: (event: StoredEvent) => E,
  rows: readonly (SnapshotAndTailRow & { n: string | number })[],
): Promise<LoadedStream<unknown>[]> {
  const groups = requests.map(() => ({ first: true, snapshot: undefined as StoredSnapshot | undefined, tail: [] as StoredEvent[] }));
  for (const row of rows) {
    const group = groups[Number(row.n) - 1]!;
    // The group's first row carries its snapshot, as SNAPSHOT_AND_TAIL's first row does.
    if (group.first && row.snapshot_version !== null) group.snapshot = { version: Number(row.snapshot_version), state: row.snapshot_state };
    group.first = false;
    if (row.event_id !== null) group.tail.push(toEvent(row as EventRow));
  }
  const revealed = await revealEvents(store.database, store.executor, groups.flatMap((g) => g.tail));
  let at = 0;
  return requests.map(({ model }, i) => {
    const { snapshot } = groups[i]!;
    const tail = revealed.slice(at, (at += groups[i]!.tail.length));
    let state = snapshot ? snapshot.state : model.initialState();
    for (const event of tail) state = model.evolve(state, read(event));
    return { version: tail.at(-1)?.streamVersion ?? snapshot?.version ?? 0, state, snapshotVersion: snapshot?.version ?? 0 };
  });
}
