import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { personalDataOf } from "@chronicle/domain";
import {
  ConfigurationError,
  MASTER_KEY_SETTING,
  newMasterKeyText,
  parseMasterKey,
  protectPersonalData,
  rewrapSubjectKeys,
  verifyMasterKey,
  type Database,
  type MasterKey,
  type PersonalDataProtection,
} from "@chronicle/event-store";
import type { PlatformEnv } from "./env.ts";

/** The embedded database's master key file: next to its data folder (not inside it, so a copied folder is useless alone). */
export function embeddedMasterKeyFile(pgliteDir: string): string {
  return path.join(path.dirname(path.resolve(pgliteDir)), `${path.basename(path.resolve(pgliteDir))}.master-key`);
}

/**
 * The master key of this process: PERSONAL_DATA_MASTER_KEY when set; on the embedded default, a key made once and
 * kept in a file next to the PGlite folder; with DATABASE_URL the setting is required (a server's data must not
 * depend on a file some process happened to write).
 */
export function masterKeyOf(env: PlatformEnv): MasterKey {
  if (env.PERSONAL_DATA_MASTER_KEY) return parseMasterKey(env.PERSONAL_DATA_MASTER_KEY);
  if (env.DATABASE_URL) {
    throw new ConfigurationError(`${MASTER_KEY_SETTING} is required with DATABASE_URL: personal data is encrypted with it (make one with \`openssl rand -base64 32\`)`);
  }
  const file = embeddedMasterKeyFile(env.PGLITE_DIR);
  if (!existsSync(file)) writeFileSync(file, `${newMasterKeyText()}\n`, { mode: 0o600, flag: "wx" });
  return parseMasterKey(readFileSync(file, "utf8"), `${MASTER_KEY_SETTING} (from ${path.basename(file)})`);
}

/**
 * Checks the master key against the database, then turns on the encryption layer for the shop's events, with the
 * domain's schemas saying which fields are personal. A wrong key stops the process here, before any read or write.
 */
export async function enablePersonalData(database: Database, env: PlatformEnv): Promise<PersonalDataProtection> {
  const master = masterKeyOf(env);
  await verifyMasterKey(database.db, master);
  return protectPersonalData(database, { master, classify: personalDataOf });
}

export interface RotationResult {
  rewrapped: number;
  /** Where the new key went: the embedded key file, or nowhere (the operator sets PERSONAL_DATA_MASTER_KEY). */
  keyFile: string | null;
  /** The new key as text, when the caller has to put it in the environment (it was given, not generated). */
  newKeyText: string;
}

/**
 * Master key rotation: every subject key is re-wrapped from the current master key to a new one in one transaction,
 * and nothing in the log changes (the data keys, and so every ciphertext, stay as they are). On the embedded default
 * without a given key, a new one is made and replaces the key file: written beside it first, moved over it only after
 * the commit (a crash in between leaves the new key in `<file>.new`, next to a database that needs it).
 * Stop the processes first: one still holding the old key cannot open the re-wrapped keys.
 */
export async function rotateMasterKey(database: Database, env: PlatformEnv, newKeyText?: string): Promise<RotationResult> {
  const current = masterKeyOf(env);
  const embedded = !env.PERSONAL_DATA_MASTER_KEY && !env.DATABASE_URL;
  if (!newKeyText && !embedded) {
    throw new ConfigurationError(`NEW_${MASTER_KEY_SETTING} is required to rotate a master key that comes from ${MASTER_KEY_SETTING}`);
  }
  const text = newKeyText ?? newMasterKeyText();
  const next = parseMasterKey(text, `NEW_${MASTER_KEY_SETTING}`);
  if (next.bytes.equals(current.bytes)) throw new ConfigurationError(`NEW_${MASTER_KEY_SETTING} is the current master key`);
  const file = embedded ? embeddedMasterKeyFile(env.PGLITE_DIR) : null;
  if (file) writeFileSync(`${file}.new`, `${text}\n`, { mode: 0o600 });
  const rewrapped = await database.db.transaction((tx) => rewrapSubjectKeys(tx, current, next));
  if (file) renameSync(`${file}.new`, file);
  protectPersonalData(database, { master: next, classify: personalDataOf });
  return { rewrapped, keyFile: file, newKeyText: text };
}
