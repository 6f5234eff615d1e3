import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { personalDataOf } from "@chronicle/domain";
import {
  ConfigurationError,
  MASTER_KEY_SETTING,
  newMasterKeyText,
  parseMasterKey,
  protectPersonalData,
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
