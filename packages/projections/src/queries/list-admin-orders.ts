import type { OrderStatus } from "@chronicle/domain";
import { query, type Checkpoint, type Executor } from "@chronicle/event-store";
import { sql } from "drizzle-orm";
import { ProjectionError } from "../errors.ts";
import { rmOrders } from "../tables/orders.ts";
import { orderColumns, toOrderView, type OrderRow, type OrderView } from "./order-rows.ts";

export const MAX_ADMIN_ORDERS_PAGE = 500;

export interface AdminOrdersPage {
  readonly orders: readonly OrderView[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  readonly next: Checkpoint | null;
}

/**
 * The admin's order table: newest first (the domain's `adminOrderList`), optionally one status, keyset-paginated
 * on the OrderPlaced event's (tx id, position), so a page costs the same however deep and new orders never shift
 * the pages behind them.
 */
export async function listAdminOrders(
  executor: Executor,
  options: { status?: OrderStatus; limit: number; before?: Checkpoint },
): Promise<AdminOrdersPage> {
  const { status, limit, before } = options;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ADMIN_ORDERS_PAGE) {
    throw new ProjectionError("INVALID_QUERY", `limit must be an integer from 1 to ${MAX_ADMIN_ORDERS_PAGE}, got ${limit}`);
  }
  const conditions = [
    ...(status === undefined ? [] : [sql`status = ${status}`]),
    ...(before === undefined ? [] : [sql`(placed_tx_id, placed_position) < (${before.txId}::bigint, ${before.position}::bigint)`]),
  ];
  const where = conditions.length === 0 ? sql`` : sql`where ${sql.join(conditions, sql` and `)}`;
  const rows = await query<OrderRow>(
    executor,
    sql`select ${orderColumns} from ${rmOrders} ${where} order by placed_tx_id desc, placed_position desc limit ${limit + 1}`,
  );
  const orders = rows.slice(0, limit).map(toOrderView);
  return { orders, next: rows.length > limit ? orders[orders.length - 1]!.placement : null };
}
