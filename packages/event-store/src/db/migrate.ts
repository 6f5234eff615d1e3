import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import type { PostgresJsDatabase } from "drizzle-orm/postgres-js";
import type { Database } from "./database.ts";

// Not `new URL(..., import.meta.url)`: Turbopack treats that as an asset import and breaks the build.
export const eventStoreMigrations = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "drizzle");

export interface MigrationSet {
  folder: string;
  /** Each package keeps its own journal table: drizzle compares by timestamp, so two folders must not share one. */
  table: string;
}

export const eventStoreMigrationSet: MigrationSet = { folder: eventStoreMigrations, table: "event_store_migrations" };

/**
 * Applies SQL migrations. On Postgres several processes (web, workers) may start at once: migrations run on a
 * connection that first takes an advisory lock, so a second process waits, then finds nothing left to do.
 */
export async function migrate(database: Database, set: MigrationSet = eventStoreMigrationSet): Promise<void> {
  const config = { migrationsFolder: set.folder, migrationsTable: set.table, migrationsSchema: "drizzle" };
  if (database.driver === "pglite") {
    await migratePglite(database.db as unknown as PgliteDatabase, config);
    return;
  }
  await database.withDedicatedConnection(async (db) => {
    await db.execute(sql`select pg_advisory_lock(1129530187, 0)`);
    try {
      await migratePostgres(db as unknown as PostgresJsDatabase, config);
    } finally {
      await db.execute(sql`select pg_advisory_unlock(1129530187, 0)`);
    }
  });
}
