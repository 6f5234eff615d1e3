import { sql } from "drizzle-orm";
import { bigint, customType, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/** xid8: a 64-bit, never-wrapping transaction id. Drizzle has no built-in type for it. */
export const xid8 = customType<{ data: string; driverData: string }>({ dataType: () => "xid8" });

/**
 * The log. Append-only: triggers in the migrations refuse UPDATE, DELETE and TRUNCATE.
 * `txId` is the writing transaction's id; readers order and checkpoint by (txId, position) and only read rows
 * whose transaction is older than every running one, so a late commit can never be skipped (see README).
 */
export const events = pgTable(
  "events",
  {
    position: bigint("position", { mode: "number" }).notNull().generatedAlwaysAsIdentity(),
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
  // Three indexes, each with a reader: (tx_id, position) for the global order, (stream_id, stream_version) for
  // streams and their uniqueness, event_id for idempotent retries. Every index costs appends (see README), so
  // `position` has none of its own: the identity already keeps it unique.
  (t) => [
    primaryKey({ name: "events_pkey", columns: [t.txId, t.position] }),
    uniqueIndex("events_stream_version_key").on(t.streamId, t.streamVersion),
    uniqueIndex("events_event_id_key").on(t.eventId),
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

/**
 * A saved state of one stream at `version`, made by the reducer version `reducerVersion`. Not part of the log: the
 * log stays the source of truth, and deleting every row here changes nothing but load speed. One row per stream and
 * reducer version (replaced by a newer one), so a deploy that bumps the reducer ignores the old row and an old
 * process still running next to it keeps its own.
 */
export const snapshots = pgTable(
  "snapshots",
  {
    streamId: text("stream_id").notNull(),
    reducerVersion: integer("reducer_version").notNull(),
    streamType: text("stream_type").notNull(),
    version: bigint("version", { mode: "number" }).notNull(),
    state: jsonb("state").notNull(),
    takenAt: timestamp("taken_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ name: "snapshots_pkey", columns: [t.streamId, t.reducerVersion] })],
);

/**
 * Handled commands and what handling them answered. Written in the same transaction as the command's events, so
 * a command is either recorded with its events or not at all; a second send of a caller's id returns `result`.
 * `command` keeps the command itself (type, data, the caller's metadata) and `read_versions` the version of each
 * stream its decision read: every event's `commandId` leads here, and the decision can be replayed from it. The
 * command holds the same personal data as the events it decided (a user's name and email), so whatever protects
 * personal data in events must cover this column too.
 */
export const commands = pgTable("commands", {
  commandId: text("command_id").primaryKey(),
  streamIds: text("stream_ids").array().notNull(),
  result: jsonb("result").notNull(),
  recordedAt: timestamp("recorded_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  command: jsonb("command"),
  readVersions: jsonb("read_versions"),
});
