import type { AppendResult, Checkpoint, EventMetadata, NewEvent, StoredEvent } from "../types.ts";
import type { StateReader, StreamModels } from "../stream-model.ts";
import type { Projection } from "../runner/types.ts";

/** What one decision appends to one stream. */
export interface StreamDecision {
  streamId: string;
  events: readonly NewEvent[];
}

export interface CommandHandlerOptions<E, M extends StreamModels<E>> {
  /** One model per stream type that commands read. */
  streamTypes: M;
  /**
   * Inline projections: applied to a command's events in the transaction that appends them, for views that need
   * read-your-writes. They see only events appended through this handler, and must not also run asynchronously.
   */
  inline?: readonly Projection[];
  /** Turns a stored event into what the models fold (this is where upcasting happens). */
  read(event: StoredEvent): E;
  /** Attempts in all when another writer gets in between load and append (default 3). */
  maxAttempts?: number;
  /** A snapshot that could not be taken (the command itself succeeded). Default: a process warning. */
  onSnapshotError?(error: unknown, streamId: string): void;
}

export interface Command<M> {
  /**
   * Makes handling idempotent: a command id handled before returns that first result and appends nothing, also
   * when the copies arrive concurrently. It becomes `commandId` in every event's metadata, and the default
   * correlation and causation id. Without one, every call decides and appends anew.
   */
  commandId?: string;
  /**
   * Pure: the events to append per stream, given the states it reads. It runs again after each stream it asks for
   * is loaded, and again from scratch after a concurrency conflict, so it must not have side effects.
   */
  decide(state: StateReader<M>): readonly StreamDecision[];
  /** Merged into every event's metadata (correlation, causation, actor); an event's own metadata wins. */
  metadata?: EventMetadata;
  maxAttempts?: number;
}

/** What handling answered; stored with the command id and returned again for a repeat. */
export interface CommandOutcome {
  appended: AppendResult[];
  /** Where the last appended event sits in the global order; undefined when nothing was appended. */
  checkpoint: Checkpoint | undefined;
}

export interface HandleCommandResult extends CommandOutcome {
  /** Load-decide-append rounds this call ran (conflicts make more). */
  attempts: number;
  /** True when the command id had been handled before: nothing was appended, this is the first handling's outcome. */
  duplicate: boolean;
}

export interface CommandHandler<M> {
  handle(command: Command<M>): Promise<HandleCommandResult>;
  /** Resolves once every snapshot started so far is written or has failed: for tests and a clean shutdown. */
  idle(): Promise<void>;
}
