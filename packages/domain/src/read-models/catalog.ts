import type { Reducer } from "../deciders/decider.ts";
import { unreachable } from "../errors/unreachable.ts";
import { isProductEvent } from "../events/event-streams.ts";
import type { ProductEvent } from "../events/product-events.ts";
import type { ShopEvent } from "../events/shop-event.ts";
import type { Price } from "../shared/money.ts";
import { lookup, withEntry } from "../shared/records.ts";

export interface CatalogEntry {
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly price: Price;
  readonly status: "listed" | "delisted";
  /** Units free to sell (reserved units are already taken off). */
  readonly availableStock: number;
}

export interface Catalog {
  readonly products: Readonly<Record<string, CatalogEntry>>;
}

export const catalogReducer: Reducer<Catalog, ShopEvent> = {
  initialState: () => ({ products: {} }),
  evolve: (state, event) => (isProductEvent(event) ? evolveCatalog(state, event) : state),
};

/** What the storefront shows: listed products only. */
export function listedProducts(catalog: Catalog): readonly CatalogEntry[] {
  return Object.values(catalog.products).filter((entry) => entry.status === "listed");
}

function evolveCatalog(state: Catalog, event: ProductEvent): Catalog {
  const { productId } = event.data;
  const update = (change: (entry: CatalogEntry) => CatalogEntry): Catalog => {
    const entry = lookup(state.products, productId);
    return entry === undefined ? state : { products: withEntry(state.products, productId, change(entry)) };
  };
  switch (event.type) {
    case "ProductListed": {
      const availableStock = lookup(state.products, productId)?.availableStock ?? 0;
      return { products: withEntry(state.products, productId, { ...event.data, status: "listed", availableStock }) };
    }
    case "ProductPriceChanged":
      return update((entry) => ({ ...entry, price: event.data.price }));
    case "ProductDelisted":
      return update((entry) => ({ ...entry, status: "delisted" }));
    case "StockReceived":
    case "StockReleased":
      return update((entry) => ({ ...entry, availableStock: entry.availableStock + event.data.quantity }));
    case "StockReserved":
      return update((entry) => ({ ...entry, availableStock: entry.availableStock - event.data.quantity }));
    case "StockAdjusted":
      return update((entry) => ({ ...entry, availableStock: entry.availableStock + event.data.delta }));
    case "StockReservationRejected":
      return state;
    default:
      return unreachable(event, "UNKNOWN_EVENT_TYPE");
  }
}
