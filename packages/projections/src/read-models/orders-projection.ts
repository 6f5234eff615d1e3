import { isOrderEvent, type OrderEvent } from "@chronicle/domain";
import type { StoredEvent } from "@chronicle/event-store";
import { unhandled } from "../support/decode.ts";
import { changedBy } from "../support/provenance.ts";
import { rowProjection } from "../support/row-projection.ts";
import { rmOrders } from "../tables/orders.ts";

type OrderRow = typeof rmOrders.$inferSelect;

/** The order decider's state per order: the domain's `customerOrdersReducer` and `adminOrdersReducer` both read it. */
export const ordersProjection = rowProjection({
  name: "orders",
  streamType: "order",
  belongs: isOrderEvent,
  table: rmOrders,
  key: rmOrders.orderId,
  keyOf: (event) => event.data.orderId,
  rowKey: (row) => row.orderId,
  evolve: evolveOrderRow,
});

/** The domain's evolveOrder: lifecycle events of an order never placed, or a second OrderPlaced, change nothing. */
function evolveOrderRow(row: OrderRow | undefined, event: OrderEvent, stored: StoredEvent): OrderRow | undefined {
  const update = (change: Pick<OrderRow, "status" | "updatedAt"> & Partial<OrderRow>) =>
    row === undefined ? row : { ...row, ...change, ...changedBy(stored) };
  switch (event.type) {
    case "OrderPlaced": {
      if (row !== undefined) return row;
      const { orderId, userId, lines, total, placedAt } = event.data;
      return {
        orderId,
        userId,
        status: "pending",
        lines,
        totalAmount: total.amount,
        totalCurrency: total.currency,
        placedAt,
        updatedAt: placedAt,
        rejectionReason: null,
        carrier: null,
        trackingNumber: null,
        placedTxId: stored.txId,
        placedPosition: stored.position,
        ...changedBy(stored),
      };
    }
    case "OrderConfirmed":
      return update({ status: "confirmed", updatedAt: event.data.confirmedAt });
    case "OrderRejected":
      return update({ status: "rejected", updatedAt: event.data.rejectedAt, rejectionReason: event.data.reason });
    case "OrderCancelled":
      return update({ status: "cancelled", updatedAt: event.data.cancelledAt });
    case "OrderShipped":
      return update({ status: "shipped", updatedAt: event.data.shippedAt, carrier: event.data.carrier, trackingNumber: event.data.trackingNumber });
    case "OrderDelivered":
      return update({ status: "delivered", updatedAt: event.data.deliveredAt });
    default:
      return unhandled("orders", event);
  }
}
