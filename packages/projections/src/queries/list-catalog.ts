import type { CatalogEntry } from "@chronicle/domain";
import { query, type Executor } from "@chronicle/event-store";
import { sql } from "drizzle-orm";
import { provenanceOf, type Provenance } from "../support/provenance.ts";
import { rmCatalog } from "../tables/catalog.ts";

export type CatalogItem = CatalogEntry & { readonly provenance: Provenance };

interface Row {
  product_id: string;
  sku: string;
  name: string;
  description: string;
  price_amount: number;
  price_currency: string;
  status: "listed" | "delisted";
  available_stock: string | number;
  last_event_id: string;
  last_tx_id: string | number;
  last_position: string | number;
}

/** The storefront's catalog (listed products, by name); the admin's with `includeDelisted`. */
export async function listCatalog(executor: Executor, options: { includeDelisted?: boolean } = {}): Promise<CatalogItem[]> {
  const rows = await query<Row>(
    executor,
    sql`select * from ${rmCatalog} ${options.includeDelisted ? sql`` : sql`where status = 'listed'`} order by status, name, product_id`,
  );
  return rows.map(toCatalogItem);
}

/** One product of the catalog (a delisted one only with `includeDelisted`), or null. */
export async function getCatalogItem(executor: Executor, productId: string, options: { includeDelisted?: boolean } = {}): Promise<CatalogItem | null> {
  const [row] = await query<Row>(
    executor,
    sql`select * from ${rmCatalog} where product_id = ${productId} ${options.includeDelisted ? sql`` : sql`and status = 'listed'`}`,
  );
  return row ? toCatalogItem(row) : null;
}

function toCatalogItem(row: Row): CatalogItem {
  return {
    productId: row.product_id,
    sku: row.sku,
    name: row.name,
    description: row.description,
    price: { amount: Number(row.price_amount), currency: row.price_currency },
    status: row.status,
    availableStock: Number(row.available_stock),
    provenance: provenanceOf(row),
  };
}
