import { sql } from "drizzle-orm";
import { bigint, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { xid8 } from "./schema.ts";

/**
 * One row per projection (and one per rebuild in progress, named `<projection>__rebuild`): how far it has read,
 * written in the same transaction as its read-model rows, so rows and checkpoint move together or not at all.
 */
export const projectionCheckpoints = pgTable("projection_checkpoints", {
  name: text("name").primaryKey(),
  txId: xid8("tx_id").notNull().default(sql`'0'::xid8`),
  position: bigint("position", { mode: "number" }).notNull().default(0),
  /** running | failed */
  status: text("status").notNull().default("running"),
  error: text("error"),
  errorEventId: uuid("error_event_id"),
  errorPosition: bigint("error_position", { mode: "number" }),
  failedAt: timestamp("failed_at", { withTimezone: true, mode: "string" }),
  /** The instance applying it now, and when it last showed signs of life. */
  leader: text("leader"),
  heartbeatAt: timestamp("heartbeat_at", { withTimezone: true, mode: "string" }),
  rebuildRequestedAt: timestamp("rebuild_requested_at", { withTimezone: true, mode: "string" }),
  /** Rebuild progress (on the `__rebuild` row). */
  eventsDone: bigint("events_done", { mode: "number" }).notNull().default(0),
  eventsTotal: bigint("events_total", { mode: "number" }),
  startedAt: timestamp("started_at", { withTimezone: true, mode: "string" }),
  skipped: integer("skipped").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});
