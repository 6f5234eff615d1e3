import { isCartEvent, type CartEvent, type CartItem } from "@chronicle/domain";
import type { StoredEvent } from "@chronicle/event-store";
import { unhandled } from "../support/decode.ts";
import { changedBy } from "../support/provenance.ts";
import { rowProjection } from "../support/row-projection.ts";
import { rmCarts } from "../tables/carts.ts";

type CartRow = typeof rmCarts.$inferSelect;

/** The cart decider's state per user (the carts of the domain's `overviewReducer`). */
export const cartsProjection = rowProjection({
  name: "carts",
  streamType: "cart",
  belongs: isCartEvent,
  table: rmCarts,
  key: rmCarts.userId,
  keyOf: (event) => event.data.userId,
  rowKey: (row) => row.userId,
  evolve: evolveCartRow,
});

/** Every cart event touches its cart's row (as in the reducer, a cart exists from its first event on). */
function evolveCartRow(row: CartRow | undefined, event: CartEvent, stored: StoredEvent): CartRow {
  const items = row?.items ?? [];
  const next = (changed: CartItem[]): CartRow => ({ userId: event.data.userId, items: changed, ...changedBy(stored) });
  switch (event.type) {
    case "ProductAddedToCart": {
      const { productId, quantity } = event.data;
      // A new product goes to the end; one already in the cart keeps its place (the domain's addToItems).
      if (!items.some((item) => item.productId === productId)) return next([...items, { productId, quantity }]);
      return next(items.map((item) => (item.productId === productId ? { productId, quantity: item.quantity + quantity } : item)));
    }
    case "ProductRemovedFromCart":
      return next(items.filter((item) => item.productId !== event.data.productId));
    case "CartItemQuantityChanged": {
      const { productId, quantity } = event.data;
      return next(items.map((item) => (item.productId === productId ? { productId, quantity } : item)));
    }
    case "CartCheckedOut":
      return next([]);
    default:
      return unhandled("carts", event);
  }
}
