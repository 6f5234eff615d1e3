import { run } from "../db/database.ts";
import { COLUMNS_TEXT, toEvent, type EventRow } from "../read.ts";
import type { EventStoreSession } from "../store.ts";
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
