import path from "node:path";
import { fileURLToPath } from "node:url";
import type { MigrationSet } from "@chronicle/event-store";

// Not `new URL(..., import.meta.url)`: Turbopack treats that as an asset import and breaks the build.
const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "drizzle");

/** Apply after the event store's own set: `migrate(database, projectionsMigrationSet)`. Its own journal table. */
export const projectionsMigrationSet: MigrationSet = { folder, table: "projections_migrations" };
