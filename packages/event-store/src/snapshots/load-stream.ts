import type { EventStoreSession } from "../store.ts";
import type { StoredEvent } from "../types.ts";
import type { LoadedStream, StreamModel } from "../stream-model.ts";
import { readSnapshot } from "./snapshot-table.ts";

/**
 * A stream's current state: its latest snapshot made by this reducer version, if any, then the events after it.
 * A type without `snapshotEvery` never has snapshots written, so its loads skip the lookup (one round trip less).
 */
export async function loadStream<S, E>(
  store: EventStoreSession,
  streamId: string,
  model: StreamModel<S, E>,
  read: (event: StoredEvent) => E,
): Promise<LoadedStream<S>> {
  const snapshot = model.snapshotEvery ? await readSnapshot(store.executor, streamId, model.reducerVersion) : undefined;
  const from = snapshot ? snapshot.version + 1 : 1;
  const tail = await store.readStream(streamId, { from });
  // JSON from the database is a fresh object per load, so a decision never sees another's state.
  let state = snapshot ? (snapshot.state as S) : model.initialState();
  for (const event of tail) state = model.evolve(state, read(event));
  return { version: tail.at(-1)?.streamVersion ?? snapshot?.version ?? 0, state, snapshotVersion: snapshot?.version ?? 0 };
}
