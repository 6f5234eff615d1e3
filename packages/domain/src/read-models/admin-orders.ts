import type { Reducer } from "../deciders/decider.ts";
import { evolvePlacedOrder, orderFromPlaced } from "../deciders/order/order-evolve.ts";
import type { PlacedOrder } from "../deciders/order/order-state.ts";
import type { OrderStatus } from "../deciders/order/order-status.ts";
import { isOrderEvent } from "../events/event-streams.ts";
import type { ShopEvent } from "../events/shop-event.ts";

/** One order as lists show it: the order decider's own state, so a list and the stream can never disagree. */
export type OrderSummary = PlacedOrder;

/** Every order, in the order they were placed. */
export interface AdminOrderList {
  readonly orders: readonly OrderSummary[];
}

export const adminOrdersReducer: Reducer<AdminOrderList, ShopEvent> = {
  initialState: () => ({ orders: [] }),
  evolve: (state, event) => {
    if (!isOrderEvent(event)) return state;
    if (event.type === "OrderPlaced") return { orders: [...state.orders, orderFromPlaced(event)] };
    const { orderId } = event.data;
    return { orders: state.orders.map((order) => (order.orderId === orderId ? evolvePlacedOrder(order, event) : order)) };
  },
};

/** Newest first, optionally one status only: what the admin's order table asks for. */
export function adminOrderList(state: AdminOrderList, filter: { status?: OrderStatus } = {}): readonly OrderSummary[] {
  return [...state.orders].reverse().filter((order) => filter.status === undefined || order.status === filter.status);
}
