import { query, type Executor } from "@chronicle/event-store";
import { sql } from "drizzle-orm";
import { rmOrders } from "../tables/orders.ts";
import { orderColumns, toOrderView, type OrderRow, type OrderView } from "./order-rows.ts";

/** One customer's orders, newest first (the reverse of the domain's `ordersOfCustomer`). */
export async function listOrdersOfCustomer(executor: Executor, userId: string): Promise<OrderView[]> {
  const rows = await query<OrderRow>(
    executor,
    sql`select ${orderColumns} from ${rmOrders} where user_id = ${userId} order by placed_tx_id desc, placed_position desc`,
  );
  return rows.map(toOrderView);
}
