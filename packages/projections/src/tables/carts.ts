import type { CartItem } from "@chronicle/domain";
import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { provenanceColumns } from "./provenance.ts";

/**
 * One row per cart (= per user) that has seen a cart event; an emptied cart keeps its row, so its provenance still
 * says which checkout emptied it. The lines are one jsonb array in the order first added, exactly the cart
 * decider's state: a cart is always read whole, and one row per cart keeps a rebuild's writes per event low.
 */
export const rmCarts = pgTable("rm_carts", {
  userId: text("user_id").primaryKey(),
  items: jsonb("items").$type<CartItem[]>().notNull(),
  ...provenanceColumns(),
});
