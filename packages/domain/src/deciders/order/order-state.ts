import { DomainError } from "../../errors/domain-error.ts";
import type { OrderLine } from "../../events/order-line.ts";
import type { Money } from "../../shared/money.ts";
import type { OrderStatus } from "./order-status.ts";

/** An order once placed; its status moves as ORDER_STATUSES describes. */
export interface PlacedOrder {
  readonly status: OrderStatus;
  readonly orderId: string;
  readonly userId: string;
  readonly lines: readonly OrderLine[];
  readonly total: Money;
  readonly placedAt: string;
  readonly updatedAt: string;
  readonly rejectionReason: string | null;
  /** Who carries the parcel and its tracking number, once shipped (null before, and for orders shipped under v1). */
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
}

export type OrderState = { readonly status: "none" } | PlacedOrder;

export function initialOrderState(): OrderState {
  return { status: "none" };
}

export function requireOrder(state: OrderState, orderId: string): PlacedOrder {
  if (state.status === "none") throw new DomainError("NOT_FOUND", `Order ${orderId} does not exist`);
  return state;
}
