import { query, type Executor } from "@chronicle/event-store";
import { sql } from "drizzle-orm";
import { rmOrders } from "../tables/orders.ts";
import { orderColumns, toOrderView, type OrderRow, type OrderView } from "./order-rows.ts";

/** One order, or null when the orders projection has no such order (yet). */
export async function getOrder(executor: Executor, orderId: string): Promise<OrderView | null> {
  const [row] = await query<OrderRow>(executor, sql`select ${orderColumns} from ${rmOrders} where order_id = ${orderId}`);
  return row ? toOrderView(row) : null;
}
