import type { CartItem } from "@chronicle/domain";
import { query, type Executor } from "@chronicle/event-store";
import { sql } from "drizzle-orm";
import { provenanceOf, type Provenance } from "../support/provenance.ts";
import { rmCarts } from "../tables/carts.ts";

export interface CartView {
  readonly userId: string;
  /** In the order first added. */
  readonly items: readonly CartItem[];
  /** Null for a cart that never had an event (it is empty). */
  readonly provenance: Provenance | null;
}

/** A user's cart; a user without cart events has an empty one, as in the domain. */
export async function getCart(executor: Executor, userId: string): Promise<CartView> {
  const [row] = await query<{ items: CartItem[]; last_event_id: string; last_tx_id: unknown; last_position: unknown }>(
    executor,
    sql`select items, last_event_id, last_tx_id, last_position from ${rmCarts} where user_id = ${userId}`,
  );
  return row ? { userId, items: row.items, provenance: provenanceOf(row) } : { userId, items: [], provenance: null };
}
