import { createHmac } from "node:crypto";
import { open, seal } from "./master-key.ts";

/**
 * A personal field as stored: `{ "$personal": { subject, v: 1, c: base64(iv ‖ tag ‖ ciphertext) } }`. Self-describing,
 * so a reader finds the key without knowing the schema, and a plaintext field (an event written before encryption)
 * is told apart from an encrypted one.
 */
export interface SealedField {
  $personal: { subject: string; v: 1; c: string };
}

export function isSealedField(value: unknown): value is SealedField {
  if (typeof value !== "object" || value === null) return false;
  const inner = (value as { $personal?: unknown }).$personal;
  return typeof inner === "object" && inner !== null && typeof (inner as { c?: unknown }).c === "string"
    && typeof (inner as { subject?: unknown }).subject === "string";
}

/** A subject's data key and the key its IVs are derived with (kept together in the cache). */
export interface DataKey {
  readonly key: Buffer;
  readonly ivKey: Buffer;
}

export function dataKeyOf(key: Buffer): DataKey {
  return { key, ivKey: createHmac("sha256", key).update("chronicle-field-iv").digest() };
}

const contextOf = (eventId: string, field: string) => `${eventId}/${field}`;

/**
 * Encrypts one field with AES-256-GCM, bound to its event id and field name (a sealed value copied into another
 * event or field fails to open). The IV is synthetic — an HMAC of the event id, field and plaintext — so a retried
 * append of the same event produces the same bytes (the store's idempotency check compares stored data), and an IV
 * can only repeat for the very same plaintext, which GCM tolerates (it reveals only that the value is equal).
 */
export function sealField(subject: string, dataKey: DataKey, eventId: string, field: string, value: unknown): SealedField {
  const plaintext = Buffer.from(JSON.stringify(value), "utf8");
  const iv = createHmac("sha256", dataKey.ivKey).update(contextOf(eventId, field)).update("\u0000").update(plaintext).digest().subarray(0, 12);
  return { $personal: { subject, v: 1, c: seal(dataKey.key, plaintext, contextOf(eventId, field), iv).toString("base64") } };
}

export function openField(sealed: SealedField, dataKey: DataKey, eventId: string, field: string): unknown {
  return JSON.parse(open(dataKey.key, Buffer.from(sealed.$personal.c, "base64"), contextOf(eventId, field)).toString("utf8")) as unknown;
}
