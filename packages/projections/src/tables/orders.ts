import { sql } from "drizzle-orm";
import { ORDER_STATUSES, type OrderLine, type OrderStatus } from "@chronicle/domain";
import { bigint, check, index, jsonb, pgTable, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { provenanceColumns } from "./provenance.ts";

/**
 * One row per placed order: the order decider's own state (`PlacedOrder`). The customer's order list and the
 * admin's order table are two reads of these same rows (two indexes), not two copies: the domain defines both
 * lists as that one state, so they cannot disagree, and a rebuild writes each order once.
 *
 * "Newest first" means the reverse of the log's order of OrderPlaced, as in the domain's reducers; `placedAt` is
 * the decider's clock and need not follow the log. So lists sort by the OrderPlaced event's (tx id, position),
 * which is also the keyset cursor.
 */
export const rmOrders = pgTable(
  "rm_orders",
  {
    orderId: text("order_id").primaryKey(),
    userId: text("user_id").notNull(),
    status: text("status").$type<OrderStatus>().notNull(),
    lines: jsonb("lines").$type<OrderLine[]>().notNull(),
    totalAmount: bigint("total_amount", { mode: "number" }).notNull(),
    totalCurrency: text("total_currency").notNull(),
    placedAt: timestamp("placed_at", { withTimezone: true, mode: "string" }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true, mode: "string" }).notNull(),
    rejectionReason: text("rejection_reason"),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    placedTxId: bigint("placed_tx_id", { mode: "number" }).notNull(),
    placedPosition: bigint("placed_position", { mode: "number" }).notNull(),
    ...provenanceColumns(),
  },
  (t) => [
    check("rm_orders_status_check", sql`${t.status} in (${sql.raw(ORDER_STATUSES.map((s) => `'${s}'`).join(", "))})`),
    // Admin list, newest first, keyset-paginated.
    uniqueIndex("rm_orders_placed_idx").on(t.placedTxId, t.placedPosition),
    // Admin list filtered by status.
    index("rm_orders_status_placed_idx").on(t.status, t.placedTxId, t.placedPosition),
    // One customer's orders.
    index("rm_orders_user_placed_idx").on(t.userId, t.placedTxId, t.placedPosition),
  ],
);
