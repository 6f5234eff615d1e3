import { index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "string" });

/**
 * Shipping's read model of shipments: one row per shipment, folded from shipping's own log (never the shop's).
 * The warehouse process picks its due work from here, and the API answers from it.
 */
export const shipments = pgTable(
  "shipments",
  {
    shipmentId: text("shipment_id").primaryKey(),
    orderId: text("order_id").notNull(),
    status: text("status").notNull(),
    lines: jsonb("lines").notNull(),
    carrier: text("carrier"),
    trackingNumber: text("tracking_number"),
    /** Why it was cancelled or failed. */
    reason: text("reason"),
    requestedAt: at("requested_at"),
    packedAt: at("packed_at"),
    dispatchedAt: at("dispatched_at"),
    deliveredAt: at("delivered_at"),
    updatedAt: at("updated_at").notNull(),
    /** The correlation id of the shop's order story this shipment belongs to. */
    correlationId: text("correlation_id"),
  },
  (table) => [index("shipments_order_id_idx").on(table.orderId), index("shipments_status_updated_idx").on(table.status, table.updatedAt)],
);

export type ShipmentRow = typeof shipments.$inferSelect;
