import { sql } from "drizzle-orm";
import { bigint, customType, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** xid8: a 64-bit, never-wrapping transaction id. Drizzle has no built-in type for it. */
const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

/**
 * The log. Append-only: triggers in the migrations refuse UPDATE, DELETE and TRUNCATE.
 * `txId` is the writing transaction's id; readers order and checkpoint by (txId, position) and only read rows
 * whose transaction is older than every running one, so a late commit can never be skipped (see README).
 */
export const events = pgTable(
  "events",
  {
    position: bigint("position", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    txId: xid8("tx_id").notNull().default(sql`pg_current_xact_id()`),
    eventId: uuid("event_id").notNull(),
    streamId: text("stream_id").notNull(),
    streamType: text("stream_type").notNull(),
    streamVersion: bigint("stream_version", { mode: "number" }).notNull(),
    type: text("type").notNull(),
    schemaVersion: integer("schema_version").notNull().default(1),
    data: jsonb("data").notNull(),
    metadata: jsonb("metadata").notNull().default({}),
    recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("events_event_id_key").on(t.eventId),
    uniqueIndex("events_stream_version_key").on(t.streamId, t.streamVersion),
    index("events_tx_position_idx").on(t.txId, t.position),
  ],
);

/** One row per stream: its type and current version (number of events). Appends lock and bump it. */
export const streams = pgTable("streams", {
  streamId: text("stream_id").primaryKey(),
  streamType: text("stream_type").notNull(),
  version: bigint("version", { mode: "number" }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
});
