import { createHash } from "node:crypto";
import { ValidationError } from "../errors.ts";

export const MAX_COMMAND_ID_LENGTH = 200;

export function validateCommandId(commandId: unknown): string | undefined {
  if (commandId === undefined) return undefined;
  if (typeof commandId !== "string" || commandId.length === 0 || commandId.length > MAX_COMMAND_ID_LENGTH) {
    throw new ValidationError(`must be a non-empty string of at most ${MAX_COMMAND_ID_LENGTH} characters`, "commandId");
  }
  return commandId;
}

/** The namespace of Chronicle's name-based event ids (a random UUID, fixed forever: changing it changes every id). */
export const COMMAND_EVENT_NAMESPACE = "5f2d8c1e-3b7a-4c6e-9a41-0d8e7b6f2c53";

/**
 * The id of the `index`-th event a command appends to a stream: the same on every retry of the command, so the
 * store's own idempotency (an event id is stored once) backs up the commands table — also when a row there has
 * been pruned, or a repeat decides on a newer state. The price: these ids are not time-ordered like the store's
 * default UUIDv7, so they land on random pages of the event_id index.
 */
export function commandEventId(commandId: string, streamId: string, index: number): string {
  return uuidV5(COMMAND_EVENT_NAMESPACE, `${commandId}\u0000${streamId}\u0000${index}`);
}

/** A name-based UUID, version 5 (SHA-1), as RFC 9562 section 5.5 defines it. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash("sha1").update(Buffer.from(namespace.replaceAll("-", ""), "hex")).update(name, "utf8").digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
