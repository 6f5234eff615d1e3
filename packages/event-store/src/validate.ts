import { newEventId } from "./ids.ts";
import { EventTooLargeError, ValidationError } from "./errors.ts";
import type { ExpectedVersion, NewEvent } from "./types.ts";

export const DEFAULT_MAX_EVENT_BYTES = 256 * 1024;
export const MAX_EVENTS_PER_APPEND = 10_000;

/** `<type>-<id>`: the type is the stream's category (user, order, …), the id anything URL-safe. */
const STREAM_ID = /^([a-z][a-z0-9_]{0,49})-([A-Za-z0-9][A-Za-z0-9_.:@-]{0,199})$/;
const EVENT_TYPE = /^[A-Za-z][A-Za-z0-9_.:-]{0,127}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Returns the stream type (category) of a valid stream id; throws a ValidationError otherwise. */
export function streamTypeOf(streamId: unknown): string {
  if (typeof streamId !== "string" || streamId.length === 0) {
    throw new ValidationError("must be a non-empty string like 'order-1001'", "streamId");
  }
  const match = STREAM_ID.exec(streamId);
  if (!match) {
    throw new ValidationError(
      `"${streamId.slice(0, 80)}" is not '<type>-<id>' (type: lowercase letters, digits, _; id: letters, digits, _ . : @ -)`,
      "streamId",
    );
  }
  return match[1]!;
}

export function validateExpectedVersion(expected: unknown): ExpectedVersion {
  if (expected === "any" || expected === "no_stream" || expected === "stream_exists") return expected;
  if (typeof expected === "number" && Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new ValidationError(
    `must be "any", "no_stream", "stream_exists" or a whole number >= 0, got ${String(expected)}`,
    "expectedVersion",
  );
}

/** An event ready for the database: its id fixed and its JSON serialized exactly once. */
export interface PreparedEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  dataJson: string;
  metadataJson: string;
}

export function prepareEvents(events: unknown, maxEventBytes: number): PreparedEvent[] {
  if (!Array.isArray(events) || events.length === 0) {
    throw new ValidationError("must be a non-empty array of events", "events");
  }
  if (events.length > MAX_EVENTS_PER_APPEND) {
    throw new ValidationError(`at most ${MAX_EVENTS_PER_APPEND} events per append, got ${events.length}`, "events");
  }
  const seen = new Set<string>();
  return events.map((event, index) => {
    const prepared = prepareEvent(event, `events[${index}]`);
    const bytes = Buffer.byteLength(prepared.dataJson) + Buffer.byteLength(prepared.metadataJson);
    if (bytes > maxEventBytes) throw new EventTooLargeError(index, bytes, maxEventBytes);
    if (seen.has(prepared.eventId)) {
      throw new ValidationError(`eventId ${prepared.eventId} appears twice in one append`, `events[${index}].eventId`);
    }
    seen.add(prepared.eventId);
    return prepared;
  });
}

function prepareEvent(event: unknown, path: string): PreparedEvent {
  if (!isPlainObject(event)) throw new ValidationError("must be an object { type, data }", path);
  const { type, data, schemaVersion = 1, eventId, metadata = {} } = event as Partial<NewEvent>;
  if (typeof type !== "string" || !EVENT_TYPE.test(type)) {
    throw new ValidationError("must be a name like 'OrderPlaced' (letters, digits, _ . : -; at most 128)", `${path}.type`);
  }
  if (!Number.isSafeInteger(schemaVersion) || schemaVersion < 1) {
    throw new ValidationError("must be a whole number >= 1", `${path}.schemaVersion`);
  }
  if (eventId !== undefined && (typeof eventId !== "string" || !UUID.test(eventId))) {
    throw new ValidationError("must be a UUID", `${path}.eventId`);
  }
  if (!isPlainObject(metadata)) throw new ValidationError("must be a JSON object", `${path}.metadata`);
  for (const key of ["correlationId", "causationId", "actor"] as const) {
    const value = metadata[key];
    if (value !== undefined && typeof value !== "string") {
      throw new ValidationError("must be a string", `${path}.metadata.${key}`);
    }
  }
  return {
    eventId: eventId === undefined ? newEventId() : eventId.toLowerCase(),
    type,
    schemaVersion,
    dataJson: toJsonObject(data, `${path}.data`),
    metadataJson: toJsonObject(metadata, `${path}.metadata`),
  };
}

/** Serializes a plain JSON object, refusing what JSON would silently change (undefined, NaN, Dates, classes). */
export function toJsonObject(value: unknown, path: string): string {
  if (!isPlainObject(value)) throw new ValidationError("must be a JSON object (not an array, null or a class)", path);
  assertJsonValue(value, path, 0);
  return JSON.stringify(value);
}

function assertJsonValue(value: unknown, path: string, depth: number): void {
  if (depth > 64) throw new ValidationError("is nested more than 64 levels deep", path);
  switch (typeof value) {
    case "string":
      // jsonb cannot store U+0000; refuse it here rather than fail inside the database.
      if (value.includes("\u0000")) throw new ValidationError("contains a NUL character (U+0000)", path);
      return;
    case "boolean":
      return;
    case "number":
      if (!Number.isFinite(value)) throw new ValidationError(`${value} is not representable in JSON`, path);
      return;
    case "object":
      if (value === null) return;
      if (Array.isArray(value)) {
        value.forEach((item, i) => assertJsonValue(item, `${path}[${i}]`, depth + 1));
        return;
      }
      if (!isPlainObject(value)) throw new ValidationError("must hold only JSON values (no Date, Map or class)", path);
      for (const [key, item] of Object.entries(value)) assertJsonValue(item, `${path}.${key}`, depth + 1);
      return;
    default:
      throw new ValidationError(`a ${typeof value} is not a JSON value`, path);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
