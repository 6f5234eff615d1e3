import { isProductEvent, type ProductEvent } from "@chronicle/domain";
import type { Projection, StoredEvent } from "@chronicle/event-store";
import { getTableName } from "drizzle-orm";
import { decodeBatch, unhandled } from "../support/decode.ts";
import { foldRows } from "../support/fold-rows.ts";
import { changedBy } from "../support/provenance.ts";
import { loadRows, upsertRows } from "../support/rows.ts";
import { rmCatalog } from "../tables/catalog.ts";

type CatalogRow = typeof rmCatalog.$inferSelect;

/** The domain's `catalogReducer`, per product row. */
export const catalogProjection: Projection = {
  name: "catalog",
  streamTypes: ["product"],
  tables: [getTableName(rmCatalog)],
  async apply(events, target) {
    const batch = decodeBatch("catalog", events, isProductEvent);
    const changed = await foldRows(batch, {
      keyOf: (event) => event.data.productId,
      load: (keys) => loadRows(target, rmCatalog, rmCatalog.productId, keys),
      rowKey: (row) => row.productId,
      evolve: evolveCatalogRow,
    });
    await upsertRows(target, rmCatalog, changed);
  },
};

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
