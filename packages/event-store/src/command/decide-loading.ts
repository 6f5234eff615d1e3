import { ConfigurationError, ValidationError } from "../errors.ts";
import type { EventStore } from "../store.ts";
import type { StoredEvent } from "../types.ts";
import { streamTypeOf } from "../validate.ts";
import { loadStream, loadStreams, lookupAndLoadStreams } from "../snapshots/load-stream.ts";
import { lookupCommand, outcomeOf } from "./command-table.ts";
import type { LoadedStream, StateReader, StreamModel, StreamModels } from "../stream-model.ts";
import type { CommandOutcome, StreamDecision } from "./types.ts";

/** Thrown by the reader for a stream not loaded yet: the handler loads it and decides again. */
class StreamNotLoaded {
  constructor(readonly streamId: string) {}
}

const MAX_STREAMS_PER_COMMAND = 100;

/**
 * Runs the pure decision, loading each stream it reads on first use and then deciding again: deciding stays
 * synchronous, and a command loads exactly the streams its decision looks at (which may depend on other states,
 * like the products in a cart).
 */
export async function decideLoading<E, M extends StreamModels<E>>(
  store: EventStore,
  models: M,
  read: (event: StoredEvent) => E,
  decide: (state: StateReader<M>) => readonly StreamDecision[],
  loaded: Map<string, LoadedStream>,
  reads?: (state: StateReader<M>) => readonly string[],
): Promise<readonly StreamDecision[]> {
  if (reads) await preload(store, models, read, reads, loaded);
  const reader = ((streamId: string) => {
    const stream = loaded.get(streamId);
    if (!stream) throw new StreamNotLoaded(streamId);
    return stream.state;
  }) as StateReader<M>;
  for (;;) {
    try {
      return decide(reader);
    } catch (signal) {
      if (!(signal instanceof StreamNotLoaded)) throw signal;
      if (loaded.size >= MAX_STREAMS_PER_COMMAND) {
        throw new ValidationError(`a command may read at most ${MAX_STREAMS_PER_COMMAND} streams`, "command");
      }
      loaded.set(signal.streamId, await loadStream(store, signal.streamId, modelFor(models, signal.streamId), read));
    }
  }
}

/**
 * Whether a command id was handled before (its first outcome), and, when the command names what it reads, that
 * first round of streams loaded by the same statement into `loaded`: a new command pays one round trip for both, a
 * repeat still decides nothing.
 */
export async function lookupLoading<E, M extends StreamModels<E>>(
  store: EventStore,
  models: M,
  read: (event: StoredEvent) => E,
  commandId: string,
  loaded: Map<string, LoadedStream>,
  reads?: (state: StateReader<M>) => readonly string[],
): Promise<CommandOutcome | undefined> {
  const wanted = reads ? [...new Set(reads(standInOf(models, loaded)))].filter((streamId) => !loaded.has(streamId)) : [];
  if (wanted.length === 0 || wanted.length > MAX_STREAMS_PER_COMMAND) return lookupCommand(store.executor, commandId);
  const requests = wanted.map((streamId) => ({ streamId, model: modelFor(models, streamId) }));
  const { first, states } = await lookupAndLoadStreams(store, commandId, requests, read);
  if (first !== null) return outcomeOf(first as Parameters<typeof outcomeOf>[0]);
  wanted.forEach((streamId, i) => loaded.set(streamId, states[i]!));
  return undefined;
}

/** A stream not loaded yet reads as its model's initial state. */
function standInOf<E, M extends StreamModels<E>>(models: M, loaded: ReadonlyMap<string, LoadedStream>): StateReader<M> {
  return ((streamId: string) => loaded.get(streamId)?.state ?? modelFor(models, streamId).initialState()) as StateReader<M>;
}

/**
 * Loads, in parallel rounds, the streams `reads` names (see `Command.reads`): a stream not loaded yet reads as its
 * model's initial state, so a round can name what depends on another stream only once that one is loaded.
 */
async function preload<E, M extends StreamModels<E>>(
  store: EventStore,
  models: M,
  read: (event: StoredEvent) => E,
  reads: (state: StateReader<M>) => readonly string[],
  loaded: Map<string, LoadedStream>,
): Promise<void> {
  const standIn = standInOf(models, loaded);
  for (;;) {
    const wanted = [...new Set(reads(standIn))].filter((streamId) => !loaded.has(streamId));
    if (wanted.length === 0) return;
    if (loaded.size + wanted.length > MAX_STREAMS_PER_COMMAND) {
      throw new ValidationError(`a command may read at most ${MAX_STREAMS_PER_COMMAND} streams`, "command");
    }
    // Several streams in one statement: one round trip and one pooled connection where each took its own.
    const states = wanted.length === 1
      ? [await loadStream(store, wanted[0]!, modelFor(models, wanted[0]!), read)]
      : await loadStreams(store, wanted.map((streamId) => ({ streamId, model: modelFor(models, streamId) })), read);
    wanted.forEach((streamId, i) => loaded.set(streamId, states[i]!));
  }
}

export function modelFor<E>(models: StreamModels<E>, streamId: string): StreamModel<unknown, E> {
  const streamType = streamTypeOf(streamId);
  const model = Object.hasOwn(models, streamType) ? models[streamType] : undefined;
  if (!model) {
    throw new ConfigurationError(`no stream model for stream type "${streamType}" (reading ${streamId}); known: ${Object.keys(models).join(", ")}`);
  }
  return model;
}
