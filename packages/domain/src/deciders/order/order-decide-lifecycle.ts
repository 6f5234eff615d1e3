import type { CancelOrder, ConfirmOrder, RejectOrder, ShipOrder } from "../../commands/order-commands.ts";
import { DomainError } from "../../errors/domain-error.ts";
import { unreachable } from "../../errors/unreachable.ts";
import type { OrderEvent } from "../../events/order-events.ts";
import { requireOrder, type OrderState } from "./order-state.ts";

/** Only a pending order can be cancelled: once confirmed, stock is reserved and the warehouse is at work. */
export function cancelOrder({ data }: CancelOrder, state: OrderState, now: string): readonly OrderEvent[] {
  const order = requireOrder(state, data.orderId);
  switch (order.status) {
    case "pending":
      return [{ type: "OrderCancelled", data: { orderId: data.orderId, cancelledAt: now } }];
    case "shipped":
      throw new DomainError("ILLEGAL_STATE", `Order ${data.orderId} has shipped and cannot be cancelled`);
    case "confirmed":
    case "rejected":
    case "cancelled":
      throw new DomainError("ILLEGAL_STATE", `Only a pending order can be cancelled; order ${data.orderId} is ${order.status}`);
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
  if (order.status === "confirmed" || order.status === "shipped") return [];
  if (order.status !== "pending") throw illegal(data.orderId, order.status, "confirmed");
  return [{ type: "OrderConfirmed", data: { orderId: data.orderId, confirmedAt: now } }];
}

export function rejectOrder({ data }: RejectOrder, state: OrderState, now: string): readonly OrderEvent[] {
  const order = requireOrder(state, data.orderId);
  if (order.status === "rejected") return [];
  if (order.status !== "pending") throw illegal(data.orderId, order.status, "rejected");
  return [{ type: "OrderRejected", data: { orderId: data.orderId, reason: data.reason, rejectedAt: now } }];
}

export function shipOrder({ data }: ShipOrder, state: OrderState, now: string): readonly OrderEvent[] {
  const order = requireOrder(state, data.orderId);
  if (order.status === "shipped") return [];
  if (order.status !== "confirmed") throw illegal(data.orderId, order.status, "shipped");
  return [{ type: "OrderShipped", data: { orderId: data.orderId, shippedAt: now } }];
}

function illegal(orderId: string, status: string, wanted: string): DomainError {
  return new DomainError("ILLEGAL_STATE", `Order ${orderId} is ${status} and cannot be ${wanted}`);
}
