import { sql } from "drizzle-orm";
import { bigint, check, index, integer, pgTable, text } from "drizzle-orm/pg-core";
import { provenanceColumns } from "./provenance.ts";

/** One row per product ever listed (delisted ones stay, for the admin); the storefront reads the listed ones. */
export const rmCatalog = pgTable(
  "rm_catalog",
  {
    productId: text("product_id").primaryKey(),
    sku: text("sku").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull(),
    priceAmount: integer("price_amount").notNull(),
    priceCurrency: text("price_currency").notNull(),
    status: text("status").$type<"listed" | "delisted">().notNull(),
    /** Units free to sell: received + adjusted + released − reserved (the domain's `availableStock`). */
    availableStock: bigint("available_stock", { mode: "number" }).notNull(),
    ...provenanceColumns(),
  },
  (t) => [
    check("rm_catalog_status_check", sql`${t.status} in ('listed', 'delisted')`),
    // The storefront's list: listed products by name.
    index("rm_catalog_status_name_idx").on(t.status, t.name, t.productId),
  ],
);
