import type { CancelOrder, ConfirmOrder, MarkOrderDelivered, RejectOrder, ShipOrder } from "../../commands/order-commands.ts";
import { DomainError } from "../../errors/domain-error.ts";
import { unreachable } from "../../errors/unreachable.ts";
import type { OrderEvent } from "../../events/order-events.ts";
import { requireOrder, type OrderState } from "./order-state.ts";

/**
 * An order can be cancelled until it ships: pending, or confirmed while the parcel is still in the warehouse (the
 * shipping service then cancels its shipment, and fulfillment releases the reserved stock).
 */
export function cancelOrder({ data }: CancelOrder, state: OrderState, now: string): readonly OrderEvent[] {
  const order = requireOrder(state, data.orderId);
  switch (order.status) {
    case "pending":
    case "confirmed":
      return [{ type: "OrderCancelled", data: { orderId: data.orderId, cancelledAt: now } }];
    case "shipped":
    case "delivered":
      throw new DomainError("ILLEGAL_STATE", `Order ${data.orderId} has shipped and cannot be cancelled`);
    case "rejected":
    case "cancelled":
      throw new DomainError("ILLEGAL_STATE", `Only a pending or confirmed order can be cancelled; order ${data.orderId} is ${order.status}`);
    default:
      return unreachable(order.status);
  }
}

/**
 * Confirm, reject and ship are issued by the fulfillment process, which may redeliver: repeating one that
 * already happened is a no-op (no events), not an error. Contradicting one that happened is an error.
 */
export function confirmOrder({ data }: ConfirmOrder, state: OrderState, now: string): readonly OrderEvent[] {
  const order = requireOrder(state, data.orderId);
  if (order.status === "confirmed" || order.status === "shipped" || order.status === "delivered") return [];
  if (order.status !== "pending") throw illegal(data.orderId, order.status, "confirmed");
  const lines = order.lines.map((line) => ({ productId: line.productId, quantity: line.quantity }));
  return [{ type: "OrderConfirmed", data: { orderId: data.orderId, lines, confirmedAt: now } }];
}

export function rejectOrder({ data }: RejectOrder, state: OrderState, now: string): readonly OrderEvent[] {
  const order = requireOrder(state, data.orderId);
  if (order.status === "rejected") return [];
  if (order.status !== "pending") throw illegal(data.orderId, order.status, "rejected");
  return [{ type: "OrderRejected", data: { orderId: data.orderId, reason: data.reason, rejectedAt: now } }];
}

/** Ship and deliver are the shipping service's news: a redelivered message changes nothing. */
export function shipOrder({ data }: ShipOrder, state: OrderState, now: string): readonly OrderEvent[] {
  const order = requireOrder(state, data.orderId);
  if (order.status === "shipped" || order.status === "delivered") return [];
  if (order.status !== "confirmed") throw illegal(data.orderId, order.status, "shipped");
  const { orderId, carrier, trackingNumber } = data;
  return [{ type: "OrderShipped", data: { orderId, carrier, trackingNumber, shippedAt: now } }];
}

export function markOrderDelivered({ data }: MarkOrderDelivered, state: OrderState, now: string): readonly OrderEvent[] {
  const order = requireOrder(state, data.orderId);
  if (order.status === "delivered") return [];
  if (order.status !== "shipped") throw illegal(data.orderId, order.status, "delivered");
  return [{ type: "OrderDelivered", data: { orderId: data.orderId, deliveredAt: now } }];
}

function illegal(orderId: string, status: string, wanted: string): DomainError {
  return new DomainError("ILLEGAL_STATE", `Order ${orderId} is ${status} and cannot be ${wanted}`);
}
