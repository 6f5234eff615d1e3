import type { Reducer } from "../deciders/decider.ts";
import { addToItems, removeFromItems, setItemQuantity } from "../deciders/cart/cart-items.ts";
import type { CartItem } from "../deciders/cart/cart-state.ts";
import { unreachable } from "../errors/unreachable.ts";
import type { OrderLine } from "../events/order-line.ts";
import type { ShopEvent } from "../events/shop-event.ts";
import type { Money } from "../shared/money.ts";
import { ERASED, type PersonalValue } from "../shared/personal-data.ts";
import { lookup, withEntry } from "../shared/records.ts";

export interface OverviewUser {
  readonly userId: string;
  readonly name: PersonalValue<string>;
}
export interface OverviewOrder {
  readonly orderId: string;
  readonly lines: readonly OrderLine[];
  readonly total: Money;
}
/** The article's overview: registered users, cart contents per user, placed orders per user (keyed by user id). */
export interface Overview {
  readonly users: readonly OverviewUser[];
  readonly carts: Readonly<Record<string, readonly CartItem[]>>;
  readonly orders: Readonly<Record<string, readonly OverviewOrder[]>>;
}

export const overviewReducer: Reducer<Overview, ShopEvent> = {
  initialState: () => ({ users: [], carts: {}, orders: {} }),
  evolve: evolveOverview,
};

function evolveOverview(state: Overview, event: ShopEvent): Overview {
  switch (event.type) {
    case "UserRegistered": {
      const { userId, name } = event.data;
      // Every registered user has a cart and an order list, empty until something happens.
      return {
        users: [...state.users, { userId, name }],
        carts: withEntry(state.carts, userId, lookup(state.carts, userId) ?? []),
        orders: withEntry(state.orders, userId, lookup(state.orders, userId) ?? []),
      };
    }
    case "CustomerForgotten": {
      const { userId } = event.data;
      return { ...state, users: state.users.map((user) => (user.userId === userId ? { userId, name: ERASED } : user)) };
    }
    case "ProductAddedToCart":
      return updateCart(state, event.data.userId, (items) => addToItems(items, event.data.productId, event.data.quantity));
    case "ProductRemovedFromCart":
      return updateCart(state, event.data.userId, (items) => removeFromItems(items, event.data.productId));
    case "CartItemQuantityChanged":
      return updateCart(state, event.data.userId, (items) => setItemQuantity(items, event.data.productId, event.data.quantity));
    case "CartCheckedOut":
      return updateCart(state, event.data.userId, () => []);
    case "OrderPlaced": {
      const { userId, orderId, lines, total } = event.data;
      const orders = [...(lookup(state.orders, userId) ?? []), { orderId, lines, total }];
      return { ...state, orders: withEntry(state.orders, userId, orders) };
    }
    case "UserEmailChanged":
    case "ProductListed":
    case "ProductPriceChanged":
    case "ProductDelisted":
    case "StockReceived":
    case "StockAdjusted":
    case "StockReserved":
    case "StockReservationRejected":
    case "StockReleased":
    case "OrderConfirmed":
    case "OrderRejected":
    case "OrderCancelled":
    case "OrderShipped":
    case "OrderDelivered":
      return state; // not part of the article's overview
    default:
      return unreachable(event, "UNKNOWN_EVENT_TYPE");
  }
}

function updateCart(state: Overview, userId: string, change: (items: readonly CartItem[]) => readonly CartItem[]): Overview {
  return { ...state, carts: withEntry(state.carts, userId, change(lookup(state.carts, userId) ?? [])) };
}
