import { isProductEvent, type ProductEvent } from "@chronicle/domain";
import type { StoredEvent } from "@chronicle/event-store";
import { unhandled } from "../support/decode.ts";
import { changedBy } from "../support/provenance.ts";
import { rowProjection } from "../support/row-projection.ts";
import { rmCatalog } from "../tables/catalog.ts";

type CatalogRow = typeof rmCatalog.$inferSelect;

/** The domain's `catalogReducer`, per product row. */
export const catalogProjection = rowProjection({
  name: "catalog",
  streamType: "product",
  belongs: isProductEvent,
  table: rmCatalog,
  key: rmCatalog.productId,
  keyOf: (event) => event.data.productId,
  rowKey: (row) => row.productId,
  evolve: evolveCatalogRow,
});

function evolveCatalogRow(row: CatalogRow | undefined, event: ProductEvent, stored: StoredEvent): CatalogRow | undefined {
  // Like the reducer, events about a product never listed change nothing (the decider cannot produce them).
  const update = (change: Partial<CatalogRow>) => (row === undefined ? row : { ...row, ...change, ...changedBy(stored) });
  switch (event.type) {
    case "ProductListed": {
      const { productId, sku, name, description, price } = event.data;
      // A listing again keeps the stock the product already has.
      const availableStock = row?.availableStock ?? 0;
      return { productId, sku, name, description, priceAmount: price.amount, priceCurrency: price.currency, status: "listed", availableStock, ...changedBy(stored) };
    }
    case "ProductPriceChanged":
      return update({ priceAmount: event.data.price.amount, priceCurrency: event.data.price.currency });
    case "ProductDelisted":
      return update({ status: "delisted" });
    case "StockReceived":
    case "StockReleased":
      return update({ availableStock: (row?.availableStock ?? 0) + event.data.quantity });
    case "StockReserved":
      return update({ availableStock: (row?.availableStock ?? 0) - event.data.quantity });
    case "StockAdjusted":
      return update({ availableStock: (row?.availableStock ?? 0) + event.data.delta });
    case "StockReservationRejected":
      return row; // a refusal moves no stock
    default:
      return unhandled("catalog", event);
  }
}
