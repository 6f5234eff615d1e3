import { ValidationError } from "../errors.ts";
import { compareCheckpoints } from "../checkpoint.ts";
import type { EventStoreSession } from "../store.ts";
import type { Checkpoint, StoredEvent } from "../types.ts";
import type { StateReader, StreamModels } from "../stream-model.ts";
import { modelFor } from "./decide-loading.ts";
import type { StreamDecision } from "./types.ts";

/** Thrown by the reader for a stream not loaded yet; the replay loads it and decides again. */
class NotLoadedYet {
  constructor(readonly streamId: string) {}
}

const MAX_STREAMS = 100;

export interface DecideAsOfOptions<E, M extends StreamModels<E>> {
  streamTypes: M;
  read(event: StoredEvent): E;
  decide(state: StateReader<M>): readonly StreamDecision[];
  /** The version each stream was read at when the command was handled (its `readVersions`). */
  versions: Readonly<Record<string, number>>;
  /** A stream the decision reads now but did not then is read as it stood before this point of the log. */
  before: Checkpoint;
}

/** One stream a replayed decision read: at which version, and whether that is the version read back then. */
export interface StreamReadAsOf {
  streamId: string;
  version: number;
  /** False for a stream today's decision reads that the recorded one did not (read as of `before`). */
  recorded: boolean;
}

/**
 * Runs a decision again against the streams as a recorded command saw them: each stream at the version it was read
 * then (no snapshots: they hold other versions), a stream read only now as it stood before the command's events.
 * Today's `decide` and `evolve` run, so a changed decider shows here what it would have decided then.
 */
export async function decideAsOf<E, M extends StreamModels<E>>(
  store: EventStoreSession,
  options: DecideAsOfOptions<E, M>,
): Promise<{ decisions: readonly StreamDecision[]; read: StreamReadAsOf[] }> {
  const loaded = new Map<string, { state: unknown; read: StreamReadAsOf }>();
  const reader = ((streamId: string) => {
    const stream = loaded.get(streamId);
    if (!stream) throw new NotLoadedYet(streamId);
    return stream.state;
  }) as StateReader<M>;
  for (;;) {
    try {
      const decisions = options.decide(reader);
      return { decisions, read: [...loaded.values()].map((s) => s.read) };
    } catch (signal) {
      if (!(signal instanceof NotLoadedYet)) throw signal;
      if (loaded.size >= MAX_STREAMS) throw new ValidationError(`a command may read at most ${MAX_STREAMS} streams`, "command");
      const model = modelFor(options.streamTypes, signal.streamId);
      const events = await eventsAsOf(store, signal.streamId, options);
      let state = model.initialState();
      for (const event of events) state = model.evolve(state, options.read(event));
      const recorded = Object.hasOwn(options.versions, signal.streamId);
      loaded.set(signal.streamId, { state, read: { streamId: signal.streamId, version: events.at(-1)?.streamVersion ?? 0, recorded } });
    }
  }
}

async function eventsAsOf<E, M extends StreamModels<E>>(store: EventStoreSession, streamId: string, options: DecideAsOfOptions<E, M>): Promise<StoredEvent[]> {
  if (Object.hasOwn(options.versions, streamId)) {
    const version = options.versions[streamId]!;
    return version === 0 ? [] : store.readStream(streamId, { from: 1, limit: version });
  }
  const events = await store.readStream(streamId);
  return events.filter((e) => compareCheckpoints(e, options.before) < 0);
}
