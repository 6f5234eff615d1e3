export const EVENT_STORE_ERROR_CODES = ["VALIDATION", "EVENT_TOO_LARGE", "CONCURRENCY", "DUPLICATE_EVENT", "CONFIGURATION"] as const;
export type EventStoreErrorCode = (typeof EVENT_STORE_ERROR_CODES)[number];

/**
 * True for any of this module's errors, also one made by another copy of the module (a bundler may load the store
 * more than once — Next's server chunks do — and `instanceof` alone then misses it).
 */
export function isEventStoreError(error: unknown): error is EventStoreError {
  if (error instanceof EventStoreError) return true;
  if (!(error instanceof Error) || error.name === "DomainError") return false;
  return (EVENT_STORE_ERROR_CODES as readonly unknown[]).includes((error as { code?: unknown }).code);
}

/** Every failure a caller can cause carries a code, so the API layer maps them once (STYLE 6). */
export class EventStoreError extends Error {
  constructor(
    readonly code: EventStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends EventStoreError {
  constructor(
    message: string,
    /** Where in the input the problem is, e.g. `events[2].data`. */
    readonly path: string,
  ) {
    super("VALIDATION", `${path}: ${message}`);
  }
}

export class EventTooLargeError extends EventStoreError {
  constructor(
    readonly index: number,
    readonly bytes: number,
    readonly limit: number,
  ) {
    super("EVENT_TOO_LARGE", `events[${index}] is ${bytes} bytes; the limit is ${limit} bytes`);
  }
}

export class ConcurrencyError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expected: string,
    /** The stream's version when the append was refused; 0 when the stream does not exist. */
    readonly actual: number,
  ) {
    super("CONCURRENCY", `stream ${streamId}: expected version ${expected}, but it is at ${actual}`);
  }
}

/** An event id that is already stored with other content, or a batch that is only partly stored. */
export class DuplicateEventError extends EventStoreError {
  constructor(
    readonly eventId: string,
    reason: string,
  ) {
    super("DUPLICATE_EVENT", `event ${eventId}: ${reason}`);
  }
}

export class ConfigurationError extends EventStoreError {
  constructor(message: string) {
    super("CONFIGURATION", message);
  }
}
