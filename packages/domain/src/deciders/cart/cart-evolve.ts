import { unreachable } from "../../errors/unreachable.ts";
import type { CartEvent } from "../../events/cart-events.ts";
import { addToItems, removeFromItems, setItemQuantity } from "./cart-items.ts";
import type { CartState } from "./cart-state.ts";

export function evolveCart(state: CartState, event: CartEvent): CartState {
  switch (event.type) {
    case "ProductAddedToCart":
      return { items: addToItems(state.items, event.data.productId, event.data.quantity) };
    case "ProductRemovedFromCart":
      return { items: removeFromItems(state.items, event.data.productId) };
    case "CartItemQuantityChanged":
      return { items: setItemQuantity(state.items, event.data.productId, event.data.quantity) };
    case "CartCheckedOut":
      return { items: [] };
    default:
      return unreachable(event, "UNKNOWN_EVENT_TYPE");
  }
}
