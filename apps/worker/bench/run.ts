/**
 * `pnpm bench` (second part): projections. A rebuild of the orders read model from N OrderPlaced events against
 * a raw batch insert of the same rows, and end-to-end lag (commit → read model) at a sustained command rate.
 */
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";
import { seedDemo } from "@chronicle/application";
import { createEventStore, openDatabase, type Database } from "@chronicle/event-store";
import { createTestDatabase } from "@chronicle/event-store/testing";
import { migrateAll } from "@chronicle/platform";
import { spawnWorker } from "../src/worker-process.fixture.ts";
import { lagAtRate, waitForWorker } from "./lag.ts";
import { fillOrders, rawInsertRate, rebuildRate } from "./rebuild.ts";

const env = z.object({
  DATABASE_URL: z.string().optional(),
  BENCH_DRIVERS: z.string().default("postgres,pglite"),
  BENCH_REBUILD_EVENTS: z.coerce.number().int().min(1000).optional(),
  BENCH_RATE: z.coerce.number().int().min(1).default(500),
  BENCH_LAG_SECONDS: z.coerce.number().int().min(1).default(20),
}).parse(process.env);

async function open(driver: "postgres" | "pglite"): Promise<{ database: Database; url?: string; cleanup(): Promise<void> }> {
  if (driver === "postgres") {
    const created = await createTestDatabase(env.DATABASE_URL!);
    const database = await openDatabase({ url: created.url, poolSize: 16 });
    return { database, url: created.url, cleanup: async () => { await database.close(); await created.drop(); } };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "chronicle-bench-"));
  const database = await openDatabase({ dataDir: dir });
  return { database, cleanup: async () => { await database.close(); rmSync(dir, { recursive: true, force: true }); } };
}

for (const driver of env.BENCH_DRIVERS.split(",").map((d) => d.trim())) {
  if (driver !== "postgres" && driver !== "pglite") continue;
  if (driver === "postgres" && !env.DATABASE_URL) {
    console.log("### projections, postgres: skipped (set DATABASE_URL)\n");
    continue;
  }
  const count = env.BENCH_REBUILD_EVENTS ?? (driver === "postgres" ? 1_000_000 : 100_000);
  const rounds: string[] = [];
  {
    const { database, cleanup } = await open(driver);
    try {
      await migrateAll(database);
      process.stderr.write(`[${driver}] filling ${count} OrderPlaced events...\n`);
      await fillOrders(database, count);
      process.stderr.write(`[${driver}] raw insert of the same rows...\n`);
      const raw = await rawInsertRate(database, count);
      process.stderr.write(`[${driver}] rebuilding the orders projection...\n`);
      const rebuild = await rebuildRate(database, count);
      rounds.push(`| rebuild orders from ${count.toLocaleString("en")} events | ${Math.round(rebuild).toLocaleString("en")} events/s | ${Math.round(raw).toLocaleString("en")} rows/s | ${(rebuild / raw).toFixed(2)} | >= 0.5 |`);
    } finally {
      await cleanup();
    }
  }
  if (driver === "postgres") {
    const { database, url, cleanup } = await open(driver);
    const spawnedAt = performance.now();
    const worker = spawnWorker("bench-worker", url!);
    try {
      await migrateAll(database);
      const store = createEventStore(database);
      await seedDemo(store);
      process.stderr.write(`[${driver}] waiting for the worker to lead the carts projection and catch up...\n`);
      await waitForWorker(store, worker.id, worker.exited);
      const startup = performance.now() - spawnedAt;
      process.stderr.write(`[${driver}] lag at ${env.BENCH_RATE} commands/s for ${env.BENCH_LAG_SECONDS} s...\n`);
      const lag = await lagAtRate(store, env.BENCH_RATE, env.BENCH_LAG_SECONDS);
      worker.child.kill("SIGTERM");
      await worker.exited;
      rounds.push(`| worker spawn -> leading carts and caught up (before the load; not in the lag) | ${startup.toFixed(0)} ms | | | |`);
      rounds.push(`| lag commit -> carts read model at ${Math.round(lag.achieved)} commands/s, p50 | ${lag.p50.toFixed(0)} ms | | | |`);
      rounds.push(`| lag commit -> carts read model at ${Math.round(lag.achieved)} commands/s, p99 | ${lag.p99.toFixed(0)} ms | | | < 1000 ms |`);
      rounds.push(`| lag commit -> carts read model, max | ${lag.max.toFixed(0)} ms | | | |`);
      rounds.push(`| load generator's event-loop delay, p99 / max | ${lag.loopDelayP99.toFixed(0)} / ${lag.loopDelayMax.toFixed(0)} ms | | | |`);
    } finally {
      worker.child.kill("SIGKILL");
      await cleanup();
    }
  }
  console.log([`### projections, ${driver}`, "| measure | projection | raw | ratio | target |", "|---|---:|---:|---:|---|", ...rounds].join("\n") + "\n");
}
