import { unreachable } from "../../errors/unreachable.ts";
import type { OrderEvent, OrderPlaced } from "../../events/order-events.ts";
import type { OrderState, PlacedOrder } from "./order-state.ts";

/**
 * Evolve stays total: a lifecycle event for an order never placed, or a second OrderPlaced, changes nothing
 * (decide can produce neither; a corrupted log must not crash every reader).
 */
export function evolveOrder(state: OrderState, event: OrderEvent): OrderState {
  if (state.status === "none") return event.type === "OrderPlaced" ? orderFromPlaced(event) : state;
  return evolvePlacedOrder(state, event);
}

export function orderFromPlaced(event: OrderPlaced): PlacedOrder {
  return { ...event.data, status: "pending", updatedAt: event.data.placedAt, rejectionReason: null, carrier: null, trackingNumber: null };
}

/** Shared with the order lists, so a list and the order's own stream can never disagree. */
export function evolvePlacedOrder(order: PlacedOrder, event: OrderEvent): PlacedOrder {
  switch (event.type) {
    case "OrderPlaced":
      return order;
    case "OrderConfirmed":
      return { ...order, status: "confirmed", updatedAt: event.data.confirmedAt };
    case "OrderRejected":
      return { ...order, status: "rejected", updatedAt: event.data.rejectedAt, rejectionReason: event.data.reason };
    case "OrderCancelled":
      return { ...order, status: "cancelled", updatedAt: event.data.cancelledAt };
    case "OrderShipped":
      return { ...order, status: "shipped", updatedAt: event.data.shippedAt, carrier: event.data.carrier, trackingNumber: event.data.trackingNumber };
    case "OrderDelivered":
      return { ...order, status: "delivered", updatedAt: event.data.deliveredAt };
    default:
      return unreachable(event, "UNKNOWN_EVENT_TYPE");
  }
}
