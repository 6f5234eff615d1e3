import { unreachable } from "../../errors/unreachable.ts";
import type { ProductEvent } from "../../events/product-events.ts";
import { lookup, withEntry, withoutEntry } from "../../shared/records.ts";
import type { KnownProduct, ProductState } from "./product-state.ts";

export function evolveProduct(state: ProductState, event: ProductEvent): ProductState {
  switch (event.type) {
    case "ProductListed": {
      const known = state.status === "unlisted" ? { stock: 0, reservations: {} } : state;
      return { ...event.data, status: "listed", stock: known.stock, reservations: known.reservations };
    }
    case "ProductPriceChanged":
      return ifKnown(state, (product) => ({ ...product, price: event.data.price }));
    case "ProductDelisted":
      return ifKnown(state, (product) => ({ ...product, status: "delisted" }));
    case "StockReceived":
      return ifKnown(state, (product) => ({ ...product, stock: product.stock + event.data.quantity }));
    case "StockAdjusted":
      return ifKnown(state, (product) => ({ ...product, stock: product.stock + event.data.delta }));
    case "StockReserved": {
      const { orderId, quantity } = event.data;
      return ifKnown(state, (product) => ({
        ...product,
        stock: product.stock - quantity,
        reservations: withEntry(product.reservations, orderId, (lookup(product.reservations, orderId) ?? 0) + quantity),
      }));
    }
    case "StockReservationRejected":
      return state; // a fact for the fulfillment process; the product's stock is untouched
    case "StockReleased": {
      const { orderId, quantity } = event.data;
      return ifKnown(state, (product) => ({
        ...product,
        stock: product.stock + quantity,
        reservations: withoutEntry(product.reservations, orderId),
      }));
    }
    default:
      return unreachable(event, "UNKNOWN_EVENT_TYPE");
  }
}

/** Evolve stays total: an event that decide could never have produced for an unlisted product changes nothing. */
function ifKnown(state: ProductState, change: (product: KnownProduct) => KnownProduct): ProductState {
  return state.status === "unlisted" ? state : change(state);
}
