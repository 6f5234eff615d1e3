import { bigint, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { provenanceColumns } from "./provenance.ts";

/**
 * Registered users, for the article's overview. Its carts and orders are not copied here: they are the rows of
 * rm_carts and rm_orders. Users are listed in the order they registered (the log's order).
 */
export const rmOverviewUsers = pgTable(
  "rm_overview_users",
  {
    userId: text("user_id").primaryKey(),
    /** Null once the customer is forgotten (their name reads as erased). */
    name: text("name"),
    registeredTxId: bigint("registered_tx_id", { mode: "number" }).notNull(),
    registeredPosition: bigint("registered_position", { mode: "number" }).notNull(),
    ...provenanceColumns(),
  },
  (t) => [uniqueIndex("rm_overview_users_registered_idx").on(t.registeredTxId, t.registeredPosition)],
);
