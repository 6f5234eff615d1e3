import { ERASED, type CartItem, type OrderLine, type Overview, type OverviewOrder } from "@chronicle/domain";
import { query, type Executor } from "@chronicle/event-store";
import { sql } from "drizzle-orm";
import { rmCarts } from "../tables/carts.ts";
import { rmOrders } from "../tables/orders.ts";
import { rmOverviewUsers } from "../tables/overview-users.ts";

/**
 * The article's overview (the domain's `overviewReducer`): registered users in registration order, each with a
 * cart and an order list (empty until something happens), plus the carts and orders of any other user.
 * It reads three projections (overview_users, carts, orders): to read your own write, wait for all three.
 */
export async function overview(executor: Executor): Promise<Overview> {
  const [users, carts, orders] = await Promise.all([
    query<{ user_id: string; name: string | null }>(
      executor,
      sql`select user_id, name from ${rmOverviewUsers} order by registered_tx_id, registered_position`,
    ),
    query<{ user_id: string; items: CartItem[] }>(executor, sql`select user_id, items from ${rmCarts}`),
    query<{ user_id: string; order_id: string; lines: OrderLine[]; total_amount: unknown; total_currency: string }>(
      executor,
      sql`select user_id, order_id, lines, total_amount, total_currency from ${rmOrders} order by placed_tx_id, placed_position`,
    ),
  ]);
  // Maps, not plain objects: ids are caller data (an id like "constructor" must not meet Object.prototype).
  const cartOf = new Map<string, readonly CartItem[]>(users.map((user) => [user.user_id, []]));
  const ordersOf = new Map<string, OverviewOrder[]>(users.map((user) => [user.user_id, []]));
  for (const cart of carts) cartOf.set(cart.user_id, cart.items);
  for (const order of orders) {
    const list = ordersOf.get(order.user_id) ?? [];
    list.push({ orderId: order.order_id, lines: order.lines, total: { amount: Number(order.total_amount), currency: order.total_currency } });
    ordersOf.set(order.user_id, list);
  }
  return {
    users: users.map((user) => ({ userId: user.user_id, name: user.name ?? ERASED })),
    carts: Object.fromEntries(cartOf),
    orders: Object.fromEntries(ordersOf),
  };
}
