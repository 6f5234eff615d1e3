import type { DaySales } from "@chronicle/domain";
import { query, type Executor } from "@chronicle/event-store";
import { sql } from "drizzle-orm";
import { ProjectionError } from "../errors.ts";
import { provenanceOf, type Provenance } from "../support/provenance.ts";
import { rmSalesPerDay } from "../tables/sales-per-day.ts";

export type DaySalesView = DaySales & {
  /** The last event that changed any of the day's currencies. */
  readonly provenance: Provenance;
};

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Days from `from` to `to` (inclusive, UTC dates `YYYY-MM-DD`) that have had sales, oldest first. */
export async function salesPerDay(executor: Executor, range: { from: string; to: string }): Promise<DaySalesView[]> {
  if (!DAY.test(range.from) || !DAY.test(range.to)) {
    throw new ProjectionError("INVALID_QUERY", `a day is YYYY-MM-DD, got ${JSON.stringify(range)}`);
  }
  const rows = await query<{ day: string; currency: string; orders: number; revenue: unknown; last_event_id: string; last_tx_id: unknown; last_position: unknown }>(
    executor,
    sql`select day::text as day, currency, orders, revenue, last_event_id, last_tx_id, last_position from ${rmSalesPerDay}
      where day between ${range.from}::date and ${range.to}::date order by day, currency`,
  );
  const days: DaySalesView[] = [];
  for (const row of rows) {
    const provenance = provenanceOf(row);
    const last = days[days.length - 1];
    if (last?.day !== row.day) {
      days.push({ day: row.day, orders: Number(row.orders), revenue: { [row.currency]: Number(row.revenue) }, provenance });
      continue;
    }
    const later = provenance.txId > last.provenance.txId || (provenance.txId === last.provenance.txId && provenance.position > last.provenance.position);
    days[days.length - 1] = {
      day: row.day,
      orders: last.orders + Number(row.orders),
      revenue: { ...last.revenue, [row.currency]: Number(row.revenue) },
      provenance: later ? provenance : last.provenance,
    };
  }
  return days;
}
