import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationSet } from "@chronicle/event-store";

// Not `new URL(..., import.meta.url)`: Turbopack treats that as an asset import and breaks the build.
export const authMigrationSet: MigrationSet = {
  folder: path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "drizzle"),
  table: "auth_migrations",
};
