/**
 * An integration event as it travels between services: the public contract, never an internal domain event.
 * `id` is unique: it becomes the broker's de-duplication id on publish and the receiver's command id.
 */
export interface IntegrationMessage {
  id: string;
  /** Ends with the aggregate id (e.g. `shop.order.confirmed.v1.<orderId>`): per-aggregate order is kept (orderingKeyOf). */
  subject: string;
  /** The contract's name, e.g. `shop.order.confirmed.v1`. */
  type: string;
  /** JSON, already validated against its contract by the producer. */
  data: unknown;
  correlationId?: string;
  causationId?: string;
  /** ISO 8601. */
  occurredAt: string;
}

/**
 * A stream and its limits. Every limit is explicit: a stream without written-down limits grows until the disk is
 * full. Messages older than `maxAgeMs`, or beyond `maxMessages` / `maxBytes`, are discarded oldest first.
 */
export interface StreamSpec {
  /** `[A-Za-z0-9_-]+`. */
  name: string;
  /** NATS subject patterns (`*` one token, `>` the rest). */
  subjects: string[];
  maxAgeMs: number;
  maxMessages: number;
  maxBytes: number;
  /** A message id seen again within this window is acknowledged as a duplicate and not stored twice. */
  duplicateWindowMs: number;
}

export interface ConsumerOptions {
  stream: string;
  /** The durable consumer's name (`[A-Za-z0-9_-]+`): its position survives restarts. */
  durable: string;
  /** Only subjects matching this pattern (one pattern: NATS 2.9 has no list of filters). All of the stream by default. */
  filterSubject?: string;
  /** Attempts before a message goes to the dead-letter stream (default 5). */
  maxDeliver?: number;
  /** Pause before each redelivery after a failure: the n-th failure waits backoffMs[n-1] (last one repeats). */
  backoffMs?: number[];
  /** A message not acknowledged within this time is delivered again (a consumer that died holding it). Default 30 s. */
  ackWaitMs?: number;
  /** Messages handled at once; messages of one subject are always handled one after another. Default 1. */
  concurrency?: number;
  log?: Log;
}

export interface Delivery {
  /** 1 on the first delivery. */
  attempt: number;
  /** The message's sequence number in its stream. */
  sequence: number;
}

export type MessageHandler = (message: IntegrationMessage, delivery: Delivery) => Promise<void>;

export interface Consumer {
  /** Lets the messages in hand finish (and be acknowledged), then stops; unacknowledged ones are delivered again later. */
  stop(): Promise<void>;
  /** Settles when the consumer has stopped. */
  readonly done: Promise<void>;
}

export interface StreamStats {
  name: string;
  subjects: string[];
  messages: number;
  bytes: number;
  firstSequence: number;
  lastSequence: number;
  consumers: number;
  limits: Pick<StreamSpec, "maxAgeMs" | "maxMessages" | "maxBytes" | "duplicateWindowMs">;
}

export interface ConsumerStats {
  stream: string;
  name: string;
  filterSubject: string | null;
  /** Messages not yet delivered. */
  pending: number;
  /** Delivered, not acknowledged yet. */
  ackPending: number;
  /** Messages delivered more than once that are still waiting for their ack. */
  redelivered: number;
  /** Every message up to this stream sequence is acknowledged. */
  ackFloor: number;
  /** Last stream sequence delivered. */
  delivered: number;
}

export interface TransportStats {
  streams: StreamStats[];
  consumers: ConsumerStats[];
}

/** A message that failed `maxDeliver` times: kept with why, until retried. */
export interface DeadLetter {
  /** Its own id in the dead-letter stream: pass it to `retryDeadLetter`. */
  id: string;
  message: IntegrationMessage;
  stream: string;
  consumer: string;
  /** The last error's message. */
  error: string;
  attempts: number;
  /** ISO 8601. */
  deadAt: string;
}

export interface Transport {
  readonly kind: "nats" | "in-process";
  /** Creates the streams (and the dead-letter stream) or brings their limits up to date; idempotent. */
  ensureStreams(specs: StreamSpec[]): Promise<void>;
  /** Resolves after the broker stored it (or recognised it as a duplicate within the window). */
  publish(message: IntegrationMessage): Promise<{ sequence: number; duplicate: boolean }>;
  /**
   * A durable consumer: `handle` gets each message; it is acknowledged only after `handle` resolved. A throw
   * brings it back after a pause; after `maxDeliver` attempts it goes to the dead-letter stream and the rest flow on.
   */
  consume(options: ConsumerOptions, handle: MessageHandler): Consumer;
  stats(): Promise<TransportStats>;
  /** Oldest first. */
  deadLetters(options?: { limit?: number }): Promise<DeadLetter[]>;
  /** Publishes the message again to its original subject (every consumer of it sees it again: they are idempotent) and removes the dead letter. */
  retryDeadLetter(id: string): Promise<void>;
  close(): Promise<void>;
}

export type Log = (message: string, fields?: Record<string, unknown>) => void;
