import { ConcurrencyError, ValidationError } from "../errors.ts";
import type { EventStore } from "../store.ts";
import type { AppendResult, Checkpoint, EventMetadata, NewEvent, StoredEvent } from "../types.ts";
import { compareCheckpoints } from "../checkpoint.ts";

/** What one decision appends to one stream. */
export interface StreamDecision {
  streamId: string;
  events: readonly NewEvent[];
}

/** Reads a stream while deciding; synchronous, because deciding is pure. */
export type StreamReader<E> = (streamId: string) => readonly E[];

export interface HandleCommandOptions<E> {
  /** Turns a stored event into what deciders read (this is where upcasting happens). */
  read(event: StoredEvent): E;
  /**
   * Pure: the events to append per stream, given the streams it reads. It is run again after each stream it asks
   * for is loaded, and again from scratch after a concurrency conflict, so it must not have side effects.
   */
  decide(stream: StreamReader<E>): readonly StreamDecision[];
  /** Merged into every event's metadata (correlation, causation, actor). */
  metadata?: EventMetadata;
  /** Attempts in all when another writer gets in between load and append (default 3). */
  maxAttempts?: number;
}

export interface HandleCommandResult {
  appended: AppendResult[];
  /** Where the last appended event sits in the global order; undefined when nothing was appended. */
  checkpoint: Checkpoint | undefined;
  attempts: number;
}

/** Thrown by the reader for a stream not loaded yet: the handler loads it and decides again. */
class StreamNotLoaded {
  constructor(readonly streamId: string) {}
}

const MAX_STREAMS_PER_COMMAND = 100;

/**
 * Load → decide → append with the expected version of every stream read, atomically across streams; on a
 * conflict, reload and decide again, a bounded number of times, then surface the typed ConcurrencyError.
 */
export async function handleCommand<E>(store: EventStore, options: HandleCommandOptions<E>): Promise<HandleCommandResult> {
  const maxAttempts = options.maxAttempts ?? 3;
  for (let attempt = 1; ; attempt++) {
    const loaded = new Map<string, { version: number; events: readonly E[] }>();
    const decisions = await decideLoading(store, options, loaded);
    const writes = decisions.filter((d) => d.events.length > 0);
    if (writes.length === 0) return { appended: [], checkpoint: undefined, attempts: attempt };
    try {
      const appended = await appendAll(store, writes, loaded, options.metadata);
      const checkpoint = appended.map((r) => r.checkpoint).sort(compareCheckpoints).at(-1);
      return { appended, checkpoint, attempts: attempt };
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= maxAttempts) throw error;
    }
  }
}

async function decideLoading<E>(
  store: EventStore,
  options: HandleCommandOptions<E>,
  loaded: Map<string, { version: number; events: readonly E[] }>,
): Promise<readonly StreamDecision[]> {
  for (;;) {
    try {
      return options.decide((streamId) => {
        const stream = loaded.get(streamId);
        if (!stream) throw new StreamNotLoaded(streamId);
        return stream.events;
      });
    } catch (signal) {
      if (!(signal instanceof StreamNotLoaded)) throw signal;
      if (loaded.size >= MAX_STREAMS_PER_COMMAND) {
        throw new ValidationError(`a command may read at most ${MAX_STREAMS_PER_COMMAND} streams`, "command");
      }
      const stored = await store.readStream(signal.streamId);
      loaded.set(signal.streamId, { version: stored.at(-1)?.streamVersion ?? 0, events: stored.map(options.read) });
    }
  }
}

async function appendAll(
  store: EventStore,
  writes: readonly StreamDecision[],
  loaded: ReadonlyMap<string, { version: number }>,
  metadata: EventMetadata | undefined,
): Promise<AppendResult[]> {
  const withMetadata = (events: readonly NewEvent[]) =>
    events.map((event) => (metadata ? { ...event, metadata: { ...metadata, ...event.metadata } } : event));
  // A stream the decision did not read has no version to check against.
  const expected = (streamId: string) => loaded.get(streamId)?.version ?? "any";
  if (writes.length === 1) {
    const [write] = writes;
    return [await store.append(write!.streamId, withMetadata(write!.events), { expectedVersion: expected(write!.streamId) })];
  }
  const streams = writes.map((w) => w.streamId);
  return store.transaction(async (tx) => {
    const results: AppendResult[] = [];
    for (const write of writes) {
      results.push(await tx.append(write.streamId, withMetadata(write.events), { expectedVersion: expected(write.streamId) }));
    }
    return results;
  }, { streams });
}
