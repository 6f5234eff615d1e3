import { integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Commands the fulfillment process has decided to send, written in the same transaction as its checkpoint: a crash
 * loses none and the sender may repeat one (every command id is handled once by the command handler).
 */
export const fulfillmentOutbox = pgTable("fulfillment_outbox", {
  commandId: text("command_id").primaryKey(),
  command: jsonb("command").notNull(),
  /** Correlation and causation of the event that led to it. */
  metadata: jsonb("metadata").notNull(),
  dueAt: timestamp("due_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  attempts: integer("attempts").notNull().default(0),
  lastError: text("last_error"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).notNull().defaultNow(),
  /**
   * Set when the sender gives up: the domain refused the command ("refused", a dead letter), or it failed
   * `maxAttempts` times ("attempts"). A parked command waits for an admin's retry.
   */
  parkedAt: timestamp("parked_at", { withTimezone: true, mode: "string" }),
  parkedReason: text("parked_reason"),
});

/** What the process remembers of an order: its lines, to release their stock if it is cancelled. */
export const fulfillmentOrders = pgTable("fulfillment_orders", {
  orderId: text("order_id").primaryKey(),
  lines: jsonb("lines").notNull(),
  reserved: text("reserved").notNull().default("pending"),
});
