import { isOrderEvent } from "@chronicle/domain";
import type { Projection, StoredEvent } from "@chronicle/event-store";
import { getTableName, sql } from "drizzle-orm";
import { decodeBatch, unhandled } from "../support/decode.ts";
import { changedBy } from "../support/provenance.ts";
import { deleteRows, loadRows, upsertRows } from "../support/rows.ts";
import { rmSalesCountedOrders, rmSalesPerDay } from "../tables/sales-per-day.ts";

type DayRow = typeof rmSalesPerDay.$inferInsert;
type CountedRow = typeof rmSalesCountedOrders.$inferSelect;

/**
 * The domain's `salesPerDayReducer`. Days are written as deltas added to the stored row, so they need no read;
 * the counted orders are read only for the cancellations and rejections in the batch.
 */
export const salesPerDayProjection: Projection = {
  name: "sales_per_day",
  streamTypes: ["order"],
  tables: [getTableName(rmSalesPerDay), getTableName(rmSalesCountedOrders)],
  async apply(events, target) {
    const batch = decodeBatch("sales_per_day", events, isOrderEvent);
    const takenBack = batch.flatMap(({ event }) => (event.type === "OrderCancelled" || event.type === "OrderRejected" ? [event.data.orderId] : []));
    const loaded = await loadRows(target, rmSalesCountedOrders, rmSalesCountedOrders.orderId, [...new Set(takenBack)]);
    const before = new Map(loaded.map((row) => [row.orderId, row]));
    // The batch's changes per order: counted (a row), or taken back (null).
    const counted = new Map<string, CountedRow | null>();
    const countedRow = (orderId: string) => (counted.has(orderId) ? counted.get(orderId) : before.get(orderId));
    const days = new Map<string, DayRow>();
    const addToDay = (day: string, currency: string, revenue: number, orders: number, by: StoredEvent) => {
      const key = `${day}/${currency}`;
      const sum = days.get(key) ?? { day, currency, orders: 0, revenue: 0, ...changedBy(by) };
      days.set(key, { ...sum, orders: sum.orders + orders, revenue: sum.revenue + revenue, ...changedBy(by) });
    };
    for (const { event, stored: by } of batch) {
      switch (event.type) {
        case "OrderPlaced": {
          const { orderId, total, placedAt } = event.data;
          const day = placedAt.slice(0, 10); // UTC by schema ("...Z")
          addToDay(day, total.currency, total.amount, 1, by);
          counted.set(orderId, { orderId, day, currency: total.currency, amount: total.amount, ...changedBy(by) });
          break;
        }
        case "OrderCancelled":
        case "OrderRejected": {
          const order = countedRow(event.data.orderId);
          if (!order) break; // not counted (any more): nothing to take back
          addToDay(order.day, order.currency, -order.amount, -1, by);
          counted.set(event.data.orderId, null);
          break;
        }
        case "OrderConfirmed":
        case "OrderShipped":
        case "OrderDelivered":
          break; // a sale counts from placement on
        default:
          unhandled("sales_per_day", event);
      }
    }
    const entries = [...counted.entries()];
    // Only stored rows need deleting: an order placed and taken back within the batch was never written.
    const deleted = entries.flatMap(([id, row]) => (row === null && before.has(id) ? [id] : []));
    // Independent statements on disjoint rows: sent together, they share one round trip (postgres-js pipelines).
    await Promise.all([
      upsertRows(target, rmSalesCountedOrders, entries.flatMap(([, row]) => (row ? [row] : []))),
      deleteRows(target, rmSalesCountedOrders, rmSalesCountedOrders.orderId, deleted),
      upsertRows(
        target,
        rmSalesPerDay,
        [...days.values()],
        sql`orders = t.orders + excluded.orders, revenue = t.revenue + excluded.revenue,
          last_tx_id = excluded.last_tx_id, last_position = excluded.last_position, last_event_id = excluded.last_event_id`,
      ),
    ]);
  },
};
