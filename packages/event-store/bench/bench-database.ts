import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase, type Database } from "../src/index.ts";
import { createTestDatabase } from "../src/testing/index.ts";

/**
 * A database of the bench's own: a fresh database on the Postgres server (dropped after), or a fresh PGlite data
 * folder (removed after). `cleanup` closes it and removes it.
 */
export async function openBenchDatabase(
  driver: "postgres" | "pglite",
  options: { databaseUrl?: string; name: string; poolSize?: number },
): Promise<{ database: Database; cleanup(): Promise<void> }> {
  if (driver === "postgres") {
    if (!options.databaseUrl) throw new Error("DATABASE_URL is not set");
    const created = await createTestDatabase(options.databaseUrl);
    const database = await openDatabase({ url: created.url, poolSize: options.poolSize ?? 2 });
    return { database, cleanup: async () => { await database.close(); await created.drop(); } };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), `chronicle-bench-${options.name}-`));
  const database = await openDatabase({ dataDir: dir });
  return { database, cleanup: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
}
