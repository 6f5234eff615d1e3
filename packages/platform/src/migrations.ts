import { eventStoreMigrationSet, migrate, type Database, type MigrationSet } from "@chronicle/event-store";
import { authMigrationSet } from "@chronicle/api";
import { fulfillmentMigrationSet } from "@chronicle/fulfillment";
import { messagingMigrationSet } from "@chronicle/messaging";
import { projectionsMigrationSet } from "@chronicle/projections";

/**
 * Every migration set of the shop's database, in the order they apply: the log first, then what reads it. Every
 * process applies all of them (each set keeps its own journal, so a second process finds nothing left to do), so
 * no process can start against tables another one has not created yet.
 */
export const SHOP_MIGRATIONS: readonly MigrationSet[] = [
  eventStoreMigrationSet,
  projectionsMigrationSet,
  fulfillmentMigrationSet,
  authMigrationSet,
  // The in-process transport's own tables (the embedded default keeps its messages and acks here, like a broker's disk).
  messagingMigrationSet,
];

export async function migrateAll(database: Database, sets: readonly MigrationSet[] = SHOP_MIGRATIONS): Promise<void> {
  for (const set of sets) await migrate(database, set);
}
