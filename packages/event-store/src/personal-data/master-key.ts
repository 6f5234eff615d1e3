import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { ConfigurationError } from "../errors.ts";

/** The setting that holds the master key; named in every configuration error about it. */
export const MASTER_KEY_SETTING = "PERSONAL_DATA_MASTER_KEY";

/** A 256-bit key that wraps (encrypts) the data keys of the subjects; never stored in the database. */
export interface MasterKey {
  readonly bytes: Buffer;
  /** Where it came from, for error messages (the setting's name, or a file's). */
  readonly source: string;
}

/** A master key as text: 32 random bytes in base64 (44 characters) or hex (64). */
export function parseMasterKey(text: string | undefined, source = MASTER_KEY_SETTING): MasterKey {
  const value = text?.trim() ?? "";
  if (value === "") throw new ConfigurationError(`${source} is not set: personal data cannot be encrypted without a master key`);
  const bytes = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : /^[A-Za-z0-9+/]{43}=$/.test(value) ? Buffer.from(value, "base64") : null;
  if (bytes === null || bytes.length !== 32) {
    throw new ConfigurationError(`${source} must be 32 random bytes as base64 (44 characters) or hex (64); make one with \`openssl rand -base64 32\``);
  }
  return { bytes, source };
}

/** A new random master key as base64 text. */
export function newMasterKeyText(): string {
  return randomBytes(32).toString("base64");
}

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** AES-256-GCM under `key`, bound to `context` (additional data): iv ‖ tag ‖ ciphertext. */
export function seal(key: Buffer, plaintext: Buffer, context: string, iv: Buffer = randomBytes(IV_BYTES)): Buffer {
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(context, "utf8"));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** Opens what `seal` made; throws if the key or the context is wrong or a byte was changed. */
export function open(key: Buffer, sealed: Buffer, context: string): Buffer {
  if (sealed.length < IV_BYTES + TAG_BYTES) throw new Error("sealed value is too short");
  const decipher = createDecipheriv("aes-256-gcm", key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, "utf8"));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

export const wrapDataKey = (master: MasterKey, subject: string, dataKey: Buffer): Buffer => seal(master.bytes, dataKey, `subject-key:${subject}`);
export const unwrapDataKey = (master: MasterKey, subject: string, wrapped: Buffer): Buffer => open(master.bytes, wrapped, `subject-key:${subject}`);

const CHECK_CONTEXT = "chronicle-master-key-check";
export const masterKeyToken = (master: MasterKey): Buffer => seal(master.bytes, Buffer.alloc(32), CHECK_CONTEXT);
export function opensToken(master: MasterKey, token: Buffer): boolean {
  try {
    return open(master.bytes, token, CHECK_CONTEXT).equals(Buffer.alloc(32));
  } catch {
    return false;
  }
}
