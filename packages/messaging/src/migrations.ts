import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationSet } from "@chronicle/event-store";

/** The in-process transport's tables (used only when it is given a database), in a journal of their own. */
export const messagingMigrationSet: MigrationSet = {
  folder: path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "drizzle"),
  table: "messaging_migrations",
};
