import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { executeShopCommand } from "@chronicle/application";
import { ConfigurationError, newMasterKeyText, query } from "@chronicle/event-store";
import { parseEnv, PlatformEnvSchema } from "./env.ts";
import { createLogger } from "./logger.ts";
import { openPlatform } from "./open-platform.ts";
import { embeddedMasterKeyFile, masterKeyOf, rotateMasterKey } from "./personal-data.ts";

const dir = mkdtempSync(path.join(tmpdir(), "chronicle-keys-"));
const pgliteDir = path.join(dir, "pglite");
const keyFile = embeddedMasterKeyFile(pgliteDir);
const envWith = (extra: Record<string, string> = {}) => parseEnv(PlatformEnvSchema, { PGLITE_DIR: pgliteDir, LOG_LEVEL: "silent", ...extra });
const open = (extra: Record<string, string> = {}) => openPlatform(envWith(extra), { service: "test", log: createLogger("test", "silent") });
const rawUserRows = async (platform: Awaited<ReturnType<typeof open>>) =>
  query<{ data: unknown }>(platform.database.db, sql`select data from events where stream_id = 'user-k1' order by stream_version`);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("the master key: made once on the embedded default, checked at every start, rotated without touching the log", () => {
  it("makes a key file next to the PGlite folder on first start, and encrypts with it", async () => {
    const platform = await open();
    try {
      expect(keyFile).toBe(path.join(dir, "pglite.master-key"));
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      await executeShopCommand(platform.store, { type: "RegisterUser", data: { userId: "k1", name: "Kim Key", email: "kim@example.com" } }, { now: new Date().toISOString() });
      expect(JSON.stringify(await rawUserRows(platform))).not.toContain("Kim");
      expect((await platform.store.readStream("user-k1"))[0]!.data).toMatchObject({ name: "Kim Key" });
    } finally {
      await platform.close();
    }
  });

  it("refuses to start with a wrong key, naming the setting (never a silent plaintext start)", async () => {
    await expect(open({ PERSONAL_DATA_MASTER_KEY: newMasterKeyText() })).rejects.toThrow(ConfigurationError);
    await expect(open({ PERSONAL_DATA_MASTER_KEY: newMasterKeyText() })).rejects.toThrow(/PERSONAL_DATA_MASTER_KEY is not the master key/);
    await expect(open({ PERSONAL_DATA_MASTER_KEY: "not-a-key" })).rejects.toThrow(/PERSONAL_DATA_MASTER_KEY must be 32 random bytes/);
    // A lost key file: a new key is made, and the database says it is not theirs.
    const kept = readFileSync(keyFile, "utf8");
    rmSync(keyFile);
    await expect(open()).rejects.toThrow(/PERSONAL_DATA_MASTER_KEY \(from pglite.master-key\) is not the master key/);
    writeFileSync(keyFile, kept, { mode: 0o600 });
  });

  it("requires the setting with DATABASE_URL", () => {
    expect(() => masterKeyOf(envWith({ DATABASE_URL: "postgres://nobody@127.0.0.1:1/none" }))).toThrow(/PERSONAL_DATA_MASTER_KEY is required with DATABASE_URL/);
  });

  it("rotation re-wraps the subject keys under a new key in the file; no event changes, and the old key no longer opens", async () => {
    const oldKey = readFileSync(keyFile, "utf8").trim();
    const platform = await open();
    let before: unknown;
    try {
      before = await query(platform.database.db, sql`select event_id, data from events order by position`);
      const result = await rotateMasterKey(platform.database, platform.env);
      expect(result).toMatchObject({ rewrapped: 1, keyFile });
      expect(readFileSync(keyFile, "utf8").trim()).not.toBe(oldKey);
      expect(await query(platform.database.db, sql`select event_id, data from events order by position`)).toEqual(before);
      expect((await platform.store.readStream("user-k1"))[0]!.data).toMatchObject({ name: "Kim Key" });
    } finally {
      await platform.close();
    }
    await expect(open({ PERSONAL_DATA_MASTER_KEY: oldKey })).rejects.toThrow(ConfigurationError);
    const reopened = await open();
    try {
      expect((await reopened.store.readStream("user-k1"))[0]!.data).toMatchObject({ name: "Kim Key", email: { kind: "known", address: "kim@example.com" } });
    } finally {
      await reopened.close();
    }
  });
});
