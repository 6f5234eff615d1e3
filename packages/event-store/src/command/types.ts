import type { AppendResult, Checkpoint, EventMetadata, JsonObject, NewEvent, StoredEvent } from "../types.ts";
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
  /**
   * Optional, pure: the streams the decision will read, so that they are loaded together (in parallel) before it
   * runs, instead of one after another as it asks for them. It may read states to name further streams (an order's
   * products are in its cart): a stream not loaded yet then reads as its model's initial state, and the streams it
   * names are loaded in rounds until it names no new one. Only what is loaded depends on it, never what is decided:
   * a stream it leaves out is still loaded when the decision asks for it, and one it names in vain costs a read.
   */
  reads?(state: StateReader<M>): readonly string[];
  /** Merged into every event's metadata (correlation, causation, actor); an event's own metadata wins. */
  metadata?: EventMetadata;
  maxAttempts?: number;
  /**
   * The command itself, kept in `commands` with its outcome and the version of every stream the decision read:
   * what replaying the decision, or exporting it as a test, starts from. Given this, the command is recorded even
   * without a command id: the handler makes one (a UUIDv7), so every event's `commandId` names a row. Such an id
   * makes nothing idempotent (no caller knows it before the answer). Without a record and a command id nothing is
   * recorded, and a single stream keeps the store's one-statement append.
   */
  record?: CommandRecord;
}

/** A command as it arrived: its type, data and the caller's metadata (plain JSON objects). */
export interface CommandRecord {
  type: string;
  data: JsonObject;
  metadata?: JsonObject;
}

/** What `commands` holds of one handled command. */
export interface RecordedCommand {
  commandId: string;
  /** Null for commands recorded before the command itself was kept, or handed in without a record. */
  command: CommandRecord | null;
  /** The version each stream was read at when the decision was made (stream id → version; 0 = empty). */
  readVersions: Record<string, number> | null;
  outcome: CommandOutcome;
  recordedAt: string;
}

/** What handling answered; stored with the command id and returned again for a repeat. */
export interface CommandOutcome {
  appended: AppendResult[];
  /** Where the last appended event sits in the global order; undefined when nothing was appended. */
  checkpoint: Checkpoint | undefined;
}

export interface HandleCommandResult extends CommandOutcome {
  /** The id the command is recorded under (the caller's, or one made for its record); undefined when not recorded. */
  commandId: string | undefined;
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
