import { auditLog, type AuditFilter, type EventStore } from "../src/index.ts";
import { median } from "./stats.ts";

/**
 * The audit log's pages at millions of events: newest page, a page deep in the log (keyset cursor halfway), and
 * each filter. Median of 15 runs each, in ms. The filled events carry an actor (1 in 100) and a correlation id
 * (10 events each), like the shop's metadata.
 */
export async function auditPages(store: EventStore, count: number): Promise<{ name: string; ms: number }[]> {
  const middle = (await auditLog(store, {}, null, 1)).events[0]!;
  const deep = { txId: middle.txId, position: middle.position - Math.floor(count / 2) };
  const cases: { name: string; filter: AuditFilter; before?: typeof deep }[] = [
    { name: "newest page (50)", filter: {} },
    { name: `page ${Math.floor(count / 100_000) * 1000} deep (keyset)`, filter: {}, before: deep },
    { name: "by correlation id", filter: { correlationId: `corr-${Math.floor(count / 20)}` } },
    { name: "by actor (1 in 100), deep", filter: { actor: "bench-7" }, before: deep },
    { name: "by type + time range", filter: { types: ["Benchmarked"], from: "2000-01-01T00:00:00Z", to: "2100-01-01T00:00:00Z" } },
    { name: "by stream", filter: { streamId: `bulk-${Math.floor(count / 2000)}` } },
  ];
  const rows = [];
  for (const c of cases) {
    const times: number[] = [];
    for (let i = 0; i < 15; i++) {
      const started = performance.now();
      const page = await auditLog(store, c.filter, c.before ?? null, 50);
      times.push(performance.now() - started);
      if (page.events.length === 0) throw new Error(`audit case "${c.name}" found nothing`);
    }
    rows.push({ name: `audit log: ${c.name}`, ms: median(times) });
  }
  return rows;
}
