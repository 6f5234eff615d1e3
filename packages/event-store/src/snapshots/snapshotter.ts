import { streamTypeOf } from "../validate.ts";
import type { EventStore } from "../store.ts";
import type { AppendResult, StoredEvent } from "../types.ts";
import type { LoadedStream, StreamModel } from "../stream-model.ts";
import { toJsonState } from "./json-state.ts";
import { loadStream } from "./load-stream.ts";
import { writeSnapshot } from "./snapshot-table.ts";

export interface Snapshotter {
  /** After a successful append: snapshot the streams that are now `snapshotEvery` or more past their snapshot. */
  afterAppend(appended: readonly AppendResult[], loaded: ReadonlyMap<string, LoadedStream>): void;
  idle(): Promise<void>;
}

/**
 * Snapshots are taken after the command has committed and answered, in the background: a snapshot is only ever a
 * shortcut, so taking one must neither slow a command down nor fail it. The stream is reloaded for it (from its
 * previous snapshot, so at most about `snapshotEvery` events are read), which keeps the decided events out of it.
 */
export function createSnapshotter<E>(
  store: EventStore,
  model: (streamType: string) => StreamModel<unknown, E> | undefined,
  read: (event: StoredEvent) => E,
  onError: (error: unknown, streamId: string) => void,
): Snapshotter {
  const running = new Map<string, Promise<void>>();

  const take = async (streamId: string, streamType: string, streamModel: StreamModel<unknown, E>) => {
    const current = await loadStream(store, streamId, streamModel, read);
    if (current.version <= current.snapshotVersion) return;
    const stateJson = toJsonState(current.state, streamType);
    await writeSnapshot(store.executor, { streamId, streamType, reducerVersion: streamModel.reducerVersion, version: current.version, stateJson });
  };

  return {
    afterAppend(appended, loaded) {
      for (const result of appended) {
        if (result.idempotent || running.has(result.streamId)) continue;
        const streamType = streamTypeOf(result.streamId);
        // A type a command only writes, never reads, may have no model: it has no state to save either.
        const streamModel = model(streamType);
        const every = streamModel?.snapshotEvery;
        if (!streamModel || !every) continue;
        const before = result.nextExpectedVersion - result.positions.length;
        // A stream the decision read knows its snapshot's version; one it did not read snapshots at multiples of N.
        const base = loaded.get(result.streamId)?.snapshotVersion ?? before - (before % every);
        if (result.nextExpectedVersion - base < every) continue;
        const task = take(result.streamId, streamType, streamModel)
          .catch((error: unknown) => reportSafely(onError, error, result.streamId))
          .finally(() => running.delete(result.streamId));
        running.set(result.streamId, task);
      }
    },
    async idle() {
      while (running.size > 0) await Promise.all(running.values());
    },
  };
}

function reportSafely(onError: (error: unknown, streamId: string) => void, error: unknown, streamId: string): void {
  try {
    onError(error, streamId);
  } catch {
    // A throwing error callback must not turn into an unhandled rejection that ends the process.
  }
}
