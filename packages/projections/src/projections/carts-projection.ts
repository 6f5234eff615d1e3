import { isCartEvent, type CartEvent, type CartItem } from "@chronicle/domain";
import type { Projection, StoredEvent } from "@chronicle/event-store";
import { getTableName } from "drizzle-orm";
import { decodeBatch, unhandled } from "../support/decode.ts";
import { foldRows } from "../support/fold-rows.ts";
import { changedBy } from "../support/provenance.ts";
import { loadRows, upsertRows } from "../support/rows.ts";
import { rmCarts } from "../tables/carts.ts";

type CartRow = typeof rmCarts.$inferSelect;

/** The cart decider's state per user (the carts of the domain's `overviewReducer`). */
export const cartsProjection: Projection = {
  name: "carts",
  streamTypes: ["cart"],
  tables: [getTableName(rmCarts)],
  async apply(events, target) {
    const batch = decodeBatch("carts", events, isCartEvent);
    const changed = await foldRows(batch, {
      keyOf: (event) => event.data.userId,
      load: (keys) => loadRows(target, rmCarts, rmCarts.userId, keys),
      rowKey: (row) => row.userId,
      evolve: evolveCartRow,
    });
    await upsertRows(target, rmCarts, changed);
  },
};

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
