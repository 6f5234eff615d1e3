import { bigint, date, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { provenanceColumns } from "./provenance.ts";

/**
 * Orders placed per UTC day and still standing, with their revenue, one row per (day, currency): an order has
 * one currency, so a day's order count is the sum over its rows. Rows stay when they fall back to zero, as the
 * domain's days do. The primary key (day first) serves range queries.
 */
export const rmSalesPerDay = pgTable(
  "rm_sales_per_day",
  {
    day: date("day", { mode: "string" }).notNull(),
    currency: text("currency").notNull(),
    orders: integer("orders").notNull(),
    /** Minor units. */
    revenue: bigint("revenue", { mode: "number" }).notNull(),
    ...provenanceColumns(),
  },
  (t) => [primaryKey({ name: "rm_sales_per_day_pkey", columns: [t.day, t.currency] })],
);

/**
 * Which orders are counted in which day (the reducer's `counted`): only OrderPlaced names the day and total, so a
 * later cancellation or rejection looks its order up here, and takes it out once.
 */
export const rmSalesCountedOrders = pgTable("rm_sales_counted_orders", {
  orderId: text("order_id").primaryKey(),
  day: date("day", { mode: "string" }).notNull(),
  currency: text("currency").notNull(),
  amount: bigint("amount", { mode: "number" }).notNull(),
  ...provenanceColumns(),
});
