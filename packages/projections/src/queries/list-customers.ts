import { ERASED, type PersonalValue } from "@chronicle/domain";
import { query, type Executor } from "@chronicle/event-store";
import { sql } from "drizzle-orm";
import { provenanceOf, type Provenance } from "../support/provenance.ts";
import { rmOrders } from "../tables/orders.ts";
import { rmOverviewUsers } from "../tables/overview-users.ts";

export interface CustomerView {
  readonly userId: string;
  /** Erased once the customer is forgotten. */
  readonly name: PersonalValue<string>;
  readonly orders: number;
  /** Sum of confirmed, shipped and delivered orders, in minor units (one currency: the shop's). */
  readonly spent: number;
  readonly provenance: Provenance;
}

/**
 * Registered users, newest first, with their order counts (from two projections: overview_users and orders);
 * `userId` narrows it to that one user.
 */
export async function listCustomers(executor: Executor, options: { limit?: number; userId?: string } = {}): Promise<CustomerView[]> {
  const { limit = 200, userId } = options;
  const rows = await query<{ user_id: string; name: string | null; orders: string; spent: string | null; last_event_id: string; last_tx_id: unknown; last_position: unknown }>(
    executor,
    sql`select u.user_id, u.name, u.last_event_id, u.last_tx_id, u.last_position,
      (select count(*) from ${rmOrders} o where o.user_id = u.user_id) as orders,
      (select coalesce(sum(o.total_amount), 0) from ${rmOrders} o where o.user_id = u.user_id and o.status in ('confirmed', 'shipped', 'delivered')) as spent
      from ${rmOverviewUsers} u ${userId === undefined ? sql`` : sql`where u.user_id = ${userId}`} order by u.registered_tx_id desc, u.registered_position desc limit ${limit}`,
  );
  return rows.map((r) => ({ userId: r.user_id, name: r.name ?? ERASED, orders: Number(r.orders), spent: Number(r.spent ?? 0), provenance: provenanceOf(r) }));
}
