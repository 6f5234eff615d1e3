import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { describe, it } from "vitest";
import { openDatabase } from "../db/open.ts";
import { migrate, type MigrationSet } from "../db/migrate.ts";
import type { Database } from "../db/database.ts";
import { testEnv } from "./env.ts";

export type TestDriver = "pglite" | "postgres";

export const postgresUrl = testEnv.DATABASE_URL;

/**
 * `describe` for suites that need real Postgres. Without DATABASE_URL they are skipped locally (the name says so),
 * but under CI that is a failure: the concurrency proofs only mean something on a real server.
 */
export function describeOnPostgres(name: string, suite: (url: string) => void): void {
  if (postgresUrl) {
    const url = postgresUrl;
    describe(name, () => suite(url));
  } else if (testEnv.CI) {
    describe(name, () => {
      it("has DATABASE_URL (required under CI)", () => {
        throw new Error("DATABASE_URL is not set: under CI the Postgres suites must run, not skip");
      });
    });
  } else {
    describe.skipIf(true)(`${name} (skipped: set DATABASE_URL to run on real Postgres)`, () => suite(""));
  }
}

/** A fresh database of its own on the Postgres server, dropped again by `drop()`. */
export async function createTestDatabase(serverUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `chronicle_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const adminAgain = postgres(serverUrl, { max: 1, onnotice: () => {} });
      try {
        await adminAgain.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await adminAgain.end();
      }
    },
  };
}

/** A migrated database on either driver: PGlite in memory, or a new Postgres database. */
export async function openTestDatabase(
  driver: TestDriver,
  options: { poolSize?: number; migrations?: MigrationSet[] } = {},
): Promise<{ database: Database; close(): Promise<void> }> {
  if (driver === "pglite") {
    const database = await openDatabase({});
    for (const set of options.migrations ?? [undefined]) await migrate(database, set);
    return { database, close: () => database.close() };
  }
  if (!postgresUrl) throw new Error("openTestDatabase('postgres') needs DATABASE_URL");
  const created = await createTestDatabase(postgresUrl);
  const database = await openDatabase({ url: created.url, poolSize: options.poolSize ?? 10 });
  for (const set of options.migrations ?? [undefined]) await migrate(database, set);
  return {
    database,
    async close() {
      await database.close();
      await created.drop();
    },
  };
}

/** Polls `condition` (sync or async) until it holds; fails the test after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
