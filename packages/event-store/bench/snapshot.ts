/**
 * `pnpm bench:snapshot` (and the end of `pnpm bench`): loading a 10,000-event stream's state by full replay against
 * loading it from a snapshot, through the command handler's own loader. Target: snapshot load <= 0.05 of replay.
 * Runs on Postgres when DATABASE_URL is set, and on PGlite in a data folder. Run with --expose-gc (the scripts do).
 */
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { createEventStore, migrate, type EventStore, type StoredEvent, type StreamModel } from "../src/index.ts";
import { loadStream } from "../src/snapshots/load-stream.ts";
import { toJsonState } from "../src/snapshots/json-state.ts";
import { writeSnapshot } from "../src/snapshots/snapshot-table.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { median } from "./stats.ts";

const env = z.object({
  DATABASE_URL: z.string().optional(),
  BENCH_DRIVERS: z.string().default("postgres,pglite"),
  BENCH_SNAPSHOT_RUNS: z.coerce.number().int().min(1).default(15),
}).parse(process.env);

const EVENTS = 10_000;
const TAIL = 99; // the longest tail with snapshotEvery = 100
const BURST = 20;

/** A cart-like state: quantities per SKU (50 of them), a running total and a count; a few KB of JSON. */
type Line = { sku: string; quantity: number };
interface CartState { lines: Record<string, number>; total: number; events: number }
const cartModel = (snapshotEvery?: number): StreamModel<CartState, Line> => ({
  reducerVersion: 1,
  snapshotEvery,
  initialState: () => ({ lines: {}, total: 0, events: 0 }),
  evolve: (state, line) => ({
    lines: { ...state.lines, [line.sku]: (state.lines[line.sku] ?? 0) + line.quantity },
    total: state.total + line.quantity,
    events: state.events + 1,
  }),
});
const read = (event: StoredEvent): Line => ({ sku: String(event.data.sku), quantity: Number(event.data.quantity) });
const line = (i: number) => ({ type: "LineAdded", data: { sku: `sku-${i % 50}`, quantity: (i % 5) + 1, note: "x".repeat(60) } });

async function fill(store: EventStore, streamId: string, from: number, count: number) {
  for (let done = 0; done < count; done += 1000) {
    const size = Math.min(1000, count - done);
    await store.append(streamId, Array.from({ length: size }, (_, i) => line(from + done + i)));
  }
}

/** Saves a snapshot of the stream as it is now, through the same functions the handler's snapshotter uses. */
async function snapshotNow(store: EventStore, streamId: string) {
  const loaded = await loadStream(store, streamId, cartModel(undefined), read);
  await writeSnapshot(store.executor, { streamId, streamType: "cart", reducerVersion: 1, version: loaded.version, stateJson: toJsonState(loaded.state, "cart") });
}

/**
 * Mean time of `times` loads in a row. Short loads are timed in bursts: a single 1-2 ms load after an idle moment
 * mostly measures how fast a sleeping process wakes up on this busy 2-core machine, not the load.
 */
async function timeLoad(store: EventStore, streamId: string, model: StreamModel<CartState, Line>, expected: number, times: number): Promise<number> {
  // Collect the previous measure's garbage first, or a replay's would be paid for by the snapshot loads after it.
  (globalThis as { gc?: () => void }).gc?.();
  const started = performance.now();
  for (let i = 0; i < times; i++) {
    const loaded = await loadStream(store, streamId, model, read);
    if (loaded.version !== expected || loaded.state.events !== expected) throw new Error(`loaded ${loaded.version} of ${expected} events`);
  }
  return (performance.now() - started) / times;
}

async function measure(driver: "postgres" | "pglite"): Promise<string> {
  const { database, cleanup } = await openBenchDatabase(driver, { databaseUrl: env.DATABASE_URL, name: "snapshot" });
  try {
    await migrate(database);
    const store = createEventStore(database);
    process.stderr.write(`[${driver}] filling two ${EVENTS.toLocaleString("en")}-event streams...\n`);
    await fill(store, "cart-head", 0, EVENTS);
    await snapshotNow(store, "cart-head");
    await fill(store, "cart-tail", 0, EVENTS - TAIL);
    await snapshotNow(store, "cart-tail");
    await fill(store, "cart-tail", EVENTS - TAIL, TAIL);
    const runs = { replay: [] as number[], head: [] as number[], tail: [] as number[], roundTrip: [] as number[] };
    const loads = {
      replay: () => timeLoad(store, "cart-head", cartModel(undefined), EVENTS, 1),
      head: () => timeLoad(store, "cart-head", cartModel(100), EVENTS, BURST),
      tail: () => timeLoad(store, "cart-tail", cartModel(100), EVENTS, BURST),
      roundTrip: async () => {
        const started = performance.now();
        for (let i = 0; i < BURST; i++) await database.db.execute(sql`select 1`);
        return (performance.now() - started) / BURST;
      },
    };
    const kinds = Object.keys(loads) as (keyof typeof loads)[];
    for (let run = -1; run < env.BENCH_SNAPSHOT_RUNS; run++) { // run -1 warms caches and prepared statements
      // Rotate the order, so drift and leftovers of one measure do not always land on the same next one.
      for (let k = 0; k < kinds.length; k++) {
        const kind = kinds[(k + Math.max(run, 0)) % kinds.length]!;
        const ms = await loads[kind]();
        if (run >= 0) runs[kind].push(ms);
      }
    }
    const replay = median(runs.replay);
    const row = (name: string, ms: number) =>
      `| ${name} | ${ms.toFixed(2)} ms | ${(ms / replay).toFixed(4)} | ${ms / replay <= 0.05 ? "<= 0.05: met" : "<= 0.05: MISSED"} |`;
    return [
      `### ${driver}: load a ${EVENTS.toLocaleString("en")}-event stream (median of ${env.BENCH_SNAPSHOT_RUNS} runs; short loads: mean of ${BURST} in a row)`,
      "| load | time | / full replay | target |",
      "|---|---:|---:|---|",
      `| full replay (no snapshot) | ${replay.toFixed(2)} ms | 1.0000 | |`,
      row("snapshot at the head (tail 0)", median(runs.head)),
      row(`snapshot + ${TAIL}-event tail (worst case, snapshotEvery 100)`, median(runs.tail)),
      // A snapshot load is two round trips (snapshot, then the tail): on a busy machine their latency is most of it.
      `| for scale: one round trip (select 1) | ${median(runs.roundTrip).toFixed(2)} ms | ${(median(runs.roundTrip) / replay).toFixed(4)} | |`,
    ].join("\n");
  } finally {
    await cleanup();
  }
}

export async function runSnapshotBenchmark(): Promise<string> {
  const tables: string[] = [];
  for (const driver of env.BENCH_DRIVERS.split(",").map((d) => d.trim())) {
    if (driver !== "postgres" && driver !== "pglite") continue;
    if (driver === "postgres" && !env.DATABASE_URL) {
      tables.push("### postgres: skipped (set DATABASE_URL=postgres://... to benchmark real Postgres)");
      continue;
    }
    tables.push(await measure(driver));
  }
  return `${tables.join("\n\n")}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(await runSnapshotBenchmark());
}
