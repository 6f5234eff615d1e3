/** Free-form metadata with the keys the platform itself relies on. */
export interface EventMetadata {
  correlationId?: string;
  causationId?: string;
  actor?: string;
  [key: string]: unknown;
}

export type JsonObject = { [key: string]: unknown };

/** An event as a caller hands it to `append`. */
export interface NewEvent {
  type: string;
  data: JsonObject;
  /** The version of the event type's schema the data follows (default 1). */
  schemaVersion?: number;
  /** Give it to make retries idempotent; a time-ordered UUID (v7) otherwise. */
  eventId?: string;
  metadata?: EventMetadata;
}

/**
 * A point in the global order. Readers go by (txId, position): txId is the writing transaction's id (xid8), so a
 * reader that only reads transactions older than every running one never skips a late commit.
 * Both fit in a JS number for the lifetime of any real database (xid8 would need 2^21 wraparounds to exceed 2^53).
 */
export interface Checkpoint {
  txId: number;
  position: number;
}

export interface StoredEvent {
  eventId: string;
  streamId: string;
  streamType: string;
  streamVersion: number;
  position: number;
  txId: number;
  type: string;
  schemaVersion: number;
  data: JsonObject;
  metadata: EventMetadata;
  /** ISO 8601, from the database clock at append. */
  recordedAt: string;
}

/**
 * - "any": no check;
 * - "no_stream": the stream must not exist yet;
 * - "stream_exists": the stream must exist;
 * - a number n >= 0: the stream must be exactly at version n (0 = does not exist).
 */
export type ExpectedVersion = "any" | "no_stream" | "stream_exists" | number;

export interface AppendOptions {
  expectedVersion?: ExpectedVersion;
}

export interface AppendResult {
  streamId: string;
  /** The stream's version after this append: pass it as the next expectedVersion. */
  nextExpectedVersion: number;
  /** Global positions of the appended events, in order. */
  positions: number[];
  /** Where the last event sits in the global order; a reader that has passed it has seen this append. */
  checkpoint: Checkpoint;
  /** True when every event id was already stored with the same content: nothing was written. */
  idempotent: boolean;
}

export interface ReadStreamOptions {
  /** Stream version to start at (inclusive). Default: 1 forward, the last version backward. */
  from?: number;
  direction?: "forward" | "backward";
  limit?: number;
}

export interface EventFilter {
  streamTypes?: string[];
  types?: string[];
}

export interface ReadAllOptions {
  /** Exclusive start; default: the beginning of the log. */
  after?: Checkpoint;
  batchSize?: number;
  filter?: EventFilter;
}
