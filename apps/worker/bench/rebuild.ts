import { sql } from "drizzle-orm";
import type { Sql } from "postgres";
import { upcast } from "@chronicle/domain";
import { query, rebuildProjection, type Database } from "@chronicle/event-store";
import { ordersProjection } from "@chronicle/projections";

/** `count` OrderPlaced events written in bulk (set-up, not measured), valid under the domain's schema. */
export async function fillOrders(database: Database, count: number): Promise<void> {
  await database.db.execute(sql.raw(`insert into events (event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata)
    select gen_random_uuid(), 'order-b' || i, 'order', 1, 'OrderPlaced', 1,
      jsonb_build_object('userId', 'u' || (i % 1000), 'orderId', 'b' || i,
        'lines', jsonb_build_array(jsonb_build_object('productId', '101', 'quantity', 1 + i % 3,
          'unitPrice', jsonb_build_object('amount', 1200, 'currency', 'EUR'))),
        'total', jsonb_build_object('amount', 1200 * (1 + i % 3), 'currency', 'EUR'),
        'placedAt', '2024-03-01T10:00:00.000Z'),
      '{"actor":"bench"}'::jsonb
    from generate_series(1, ${count}) i`));
  await database.db.execute(sql`analyze events`);
  const [sample] = await query<{ type: string; schema_version: number; data: Record<string, unknown> }>(database.db,
    sql`select type, schema_version, data from events where type = 'OrderPlaced' limit 1`);
  upcast({ type: sample!.type, schemaVersion: sample!.schema_version, data: sample!.data }); // the rows are valid events
}

/** The projection's rebuild, start to swap, in events per second. */
export async function rebuildRate(database: Database, count: number): Promise<number> {
  const started = performance.now();
  await rebuildProjection(database, ordersProjection, { batchSize: 2000 });
  return count / ((performance.now() - started) / 1000);
}

/** The baseline: the same rows (what the orders projection writes for these events) inserted in batches of 2,000. */
export async function rawInsertRate(database: Database, count: number): Promise<number> {
  await database.db.execute(sql`drop table if exists raw_orders`);
  await database.db.execute(sql`create table raw_orders (like rm_orders including all)`);
  const client = (database.db as unknown as { $client: Sql }).$client;
  const started = performance.now();
  for (let from = 1; from <= count; from += 2000) {
    const rows = [];
    for (let i = from; i < Math.min(from + 2000, count + 1); i++) {
      rows.push({
        order_id: `b${i}`, user_id: `u${i % 1000}`, status: "pending",
        lines: JSON.stringify([{ productId: "101", quantity: 1 + (i % 3), unitPrice: { amount: 1200, currency: "EUR" } }]),
        total_amount: 1200 * (1 + (i % 3)), total_currency: "EUR", placed_at: "2024-03-01T10:00:00.000Z",
        updated_at: "2024-03-01T10:00:00.000Z", placed_tx_id: 1, placed_position: i,
        last_position: i, last_event_id: crypto.randomUUID(), last_tx_id: 1,
      });
    }
    if (database.driver === "postgres") await client`insert into raw_orders ${client(rows)}`;
    // PGlite has no multi-row helper: one statement per batch all the same, with the rows as one JSON parameter.
    else await database.db.execute(sql`insert into raw_orders select * from json_populate_recordset(null::raw_orders, ${JSON.stringify(rows)}::json)`);
  }
  return count / ((performance.now() - started) / 1000);
}
