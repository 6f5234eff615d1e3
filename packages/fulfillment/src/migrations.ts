import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationSet } from "@chronicle/event-store";

/** The worker's own tables (the fulfillment outbox and its memory of orders), in a journal of their own. */
export const workerMigrationSet: MigrationSet = {
  folder: path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "drizzle"),
  table: "worker_migrations",
};
