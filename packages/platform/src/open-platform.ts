import { ConfigurationError, createEventStore, openDatabase, type Database, type EventStore, type MigrationSet, type Projection } from "@chronicle/event-store";
import { grantAppRole, roleOf } from "./database-roles.ts";
import type { PlatformEnv } from "./env.ts";
import { createLogger, type Logger } from "./logger.ts";
import { enablePersonalData } from "./personal-data.ts";
import { migrateAll, SHOP_MIGRATIONS } from "./migrations.ts";
import { allProjections } from "./projections.ts";

/** One process's hold on the shop's database: opened, migrated, with the store and the list of its projections. */
export interface Platform {
  readonly env: PlatformEnv;
  readonly database: Database;
  readonly store: EventStore;
  readonly log: Logger;
  /** Every async projection of the shop (whoever runs them), for runners, status pages and the CLI. */
  readonly projections: readonly Projection[];
  close(): Promise<void>;
}

export interface OpenPlatformOptions {
  /** Names the process in its logs (web, worker, cli). */
  service: string;
  log?: Logger;
  /** Connections in the Postgres pool (default 10). */
  poolSize?: number;
  /** The migration sets to apply (default: all of the shop's). */
  migrations?: readonly MigrationSet[];
}

/**
 * Opens the database the environment names — PGlite in PGLITE_DIR when DATABASE_URL is unset, Postgres otherwise —
 * applies every migration, and builds the store: what every process of the platform does first, written once.
 */
export async function openPlatform(env: PlatformEnv, options: OpenPlatformOptions): Promise<Platform> {
  const log = options.log ?? createLogger(options.service, env.LOG_LEVEL);
  const projections = allProjections();
  const migrations = options.migrations ?? SHOP_MIGRATIONS;
  if (env.MIGRATION_DATABASE_URL) {
    if (!env.DATABASE_URL) throw new ConfigurationError("MIGRATION_DATABASE_URL is set without DATABASE_URL: set both, or neither");
    await migrateAsOwner(env.MIGRATION_DATABASE_URL, roleOf(env.DATABASE_URL), migrations, projections);
  }
  const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: options.poolSize ?? 10 } : { dataDir: env.PGLITE_DIR });
  try {
    if (!env.MIGRATION_DATABASE_URL) await migrateAll(database, migrations);
    await enablePersonalData(database, env);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  return { env, database, store: createEventStore(database), log, projections, close: () => database.close() };
}

/** Migrations run as the owner, who then grants the app's role what it needs; the owner's connection is closed. */
async function migrateAsOwner(ownerUrl: string, appRole: string, migrations: readonly MigrationSet[], projections: readonly Projection[]): Promise<void> {
  const owner = await openDatabase({ url: ownerUrl, poolSize: 1 });
  try {
    await migrateAll(owner, migrations);
    await grantAppRole(owner.db, appRole, projections.flatMap((p) => p.tables));
  } finally {
    await owner.close();
  }
}
