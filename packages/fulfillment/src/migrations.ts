import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationSet } from "@chronicle/event-store";

/**
 * The fulfillment process's tables (its outbox and its memory of orders), in a journal of their own. The journal's
 * name dates from when the worker owned them: kept, so installed databases keep their history.
 */
export const fulfillmentMigrationSet: MigrationSet = {
  folder: path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "drizzle"),
  table: "worker_migrations",
};
