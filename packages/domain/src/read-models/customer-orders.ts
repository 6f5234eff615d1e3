import type { Reducer } from "../deciders/decider.ts";
import { evolvePlacedOrder, orderFromPlaced } from "../deciders/order/order-evolve.ts";
import { isOrderEvent } from "../events/event-streams.ts";
import type { ShopEvent } from "../events/shop-event.ts";
import { lookup, withEntry } from "../shared/records.ts";
import type { OrderSummary } from "./admin-orders.ts";

/** Each customer's orders with their status; `ownerOf` because only OrderPlaced names the customer. */
export interface CustomerOrders {
  readonly byCustomer: Readonly<Record<string, readonly OrderSummary[]>>;
  readonly ownerOf: Readonly<Record<string, string>>;
}

export const customerOrdersReducer: Reducer<CustomerOrders, ShopEvent> = {
  initialState: () => ({ byCustomer: {}, ownerOf: {} }),
  evolve: (state, event) => {
    if (!isOrderEvent(event)) return state;
    if (event.type === "OrderPlaced") {
      const { userId, orderId } = event.data;
      const orders = [...ordersOfCustomer(state, userId), orderFromPlaced(event)];
      return { byCustomer: withEntry(state.byCustomer, userId, orders), ownerOf: withEntry(state.ownerOf, orderId, userId) };
    }
    const { orderId } = event.data;
    const userId = lookup(state.ownerOf, orderId);
    if (userId === undefined) return state;
    const orders = ordersOfCustomer(state, userId).map((order) =>
      order.orderId === orderId ? evolvePlacedOrder(order, event) : order,
    );
    return { ...state, byCustomer: withEntry(state.byCustomer, userId, orders) };
  },
};

/** Oldest first, as placed. */
export function ordersOfCustomer(state: CustomerOrders, userId: string): readonly OrderSummary[] {
  return lookup(state.byCustomer, userId) ?? [];
}
