import path from "node:path";
import { fileURLToPath } from "node:url";
import { eventStoreMigrationSet, type MigrationSet } from "@chronicle/event-store";

/** Shipping's read model (its journal of its own). */
export const shippingReadModelMigrationSet: MigrationSet = {
  folder: path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "drizzle"),
  table: "shipping_migrations",
};

/** Everything shipping's own database holds, in order: the event store (log, commands, checkpoints), then its tables. */
export const shippingMigrationSets: readonly MigrationSet[] = [eventStoreMigrationSet, shippingReadModelMigrationSet];
