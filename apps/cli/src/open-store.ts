import { createEventStore, migrate, openDatabase, type EventStore } from "@chronicle/event-store";
import { projectionsMigrationSet } from "@chronicle/projections";
import { loadEnv } from "./env.ts";

/** The database the environment names (PGlite by default), migrated, with a store over it. */
export async function openStore(): Promise<{ store: EventStore; close(): Promise<void> }> {
  const env = loadEnv();
  const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.PGLITE_DIR });
  await migrate(database);
  await migrate(database, projectionsMigrationSet);
  return { store: createEventStore(database), close: () => database.close() };
}
