/**
 * `pnpm bench`: the event store against a raw baseline of the same row shape, on the same database, in one run,
 * alternating the two over several rounds (absolute figures drift 20-40% on this machine; ratios hold).
 * Runs on Postgres when DATABASE_URL is set, and on PGlite in a data folder (smaller counts).
 */
import { sql } from "drizzle-orm";
import { z } from "zod";
import { createEventStore, migrate, type Database, type EventStore } from "../src/index.ts";
import { auditPages } from "./audit.ts";
import { RAW_TABLE, rawFor, type Raw } from "./raw.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { median, percentile, timed, withPeakRss } from "./stats.ts";

const env = z.object({
  DATABASE_URL: z.string().optional(),
  BENCH_DRIVERS: z.string().default("postgres,pglite"),
  BENCH_ROUNDS: z.coerce.number().int().min(1).default(3),
  BENCH_READ_EVENTS: z.coerce.number().int().min(1000).optional(),
}).parse(process.env);

interface Sizes { single: number; batches: number; readEvents: number; live: number }
const SIZES: Record<"postgres" | "pglite", Sizes> = {
  postgres: { single: 2000, batches: 100, readEvents: env.BENCH_READ_EVENTS ?? 1_000_000, live: 1000 },
  pglite: { single: 1000, batches: 50, readEvents: env.BENCH_READ_EVENTS ?? 100_000, live: 500 },
};

type Row = { name: string; store: number; raw?: number; unit: string; target?: string; note?: string };

const payload = (i: number) => JSON.stringify({ sku: `sku-${i % 1000}`, quantity: i % 10, note: "x".repeat(60) });

async function singleAppends(store: EventStore, raw: Raw, writers: number, total: number, round: number) {
  const per = Math.floor(total / writers);
  const run = async (insert: (w: number, i: number) => Promise<unknown>) =>
    timed(async () => {
      await Promise.all(Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < per; i++) await insert(w, i);
      }));
      return per * writers;
    });
  const rawRate = () => run((w, i) => raw.insertOne(`bench-r${round}w${w}`, i + 1, payload(i)));
  const storeRate = () => run((w, i) => store.append(`bench-s${round}w${writers}x${w}`, [{ type: "Benchmarked", data: JSON.parse(payload(i)) }], { expectedVersion: i }));
  // Alternate which goes first, so drift does not favour one side.
  if (round % 2) return { store: await storeRate(), raw: await rawRate() };
  const r = await rawRate();
  return { raw: r, store: await storeRate() };
}

async function batchAppends(store: EventStore, raw: Raw, batches: number, round: number) {
  const datas = Array.from({ length: 100 }, (_, i) => payload(i));
  const rawRate = () => timed(async () => {
    for (let b = 0; b < batches; b++) await raw.insertMany(`bench-rb${round}`, b * 100 + 1, datas);
    return batches * 100;
  });
  const events = datas.map((d) => ({ type: "Benchmarked", data: JSON.parse(d) }));
  const storeRate = () => timed(async () => {
    for (let b = 0; b < batches; b++) await store.append(`bench-sb${round}`, events, { expectedVersion: b * 100 });
    return batches * 100;
  });
  if (round % 2) return { store: await storeRate(), raw: await rawRate() };
  const r = await rawRate();
  return { raw: r, store: await storeRate() };
}

async function fill(database: Database, count: number) {
  // Same rows in both tables, written in bulk (this is set-up, not the measured part).
  const rows = sql.raw(`select gen_random_uuid(), 'bulk-' || (i / 1000), 'bulk', i % 1000 + 1, 'Benchmarked',
    jsonb_build_object('sku', 'sku-' || (i % 1000), 'quantity', i % 10, 'note', repeat('x', 60)),
    jsonb_build_object('actor', 'bench-' || (i % 100), 'correlationId', 'corr-' || (i / 10))
    from generate_series(0, ${count - 1}) i`);
  const cols = sql.raw("(event_id, stream_id, stream_type, stream_version, type, data, metadata)");
  await database.db.execute(sql`insert into events ${cols} ${rows}`);
  await database.db.execute(sql`insert into raw_events ${cols} ${rows}`);
  // What the audit_index projection would have written for them (set-up as well).
  await database.db.execute(sql`insert into audit_index select tx_id, position, type, stream_id, metadata->>'actor',
    metadata->>'correlationId', metadata->>'causationId', recorded_at from events on conflict do nothing`);
  await database.db.execute(sql`analyze audit_index`);
  await database.db.execute(sql`analyze events`);
  await database.db.execute(sql`analyze raw_events`);
}

async function readAllRates(store: EventStore, raw: Raw, count: number, round: number) {
  const storeRead = () => withPeakRss(() => timed(async () => {
    let n = 0;
    for await (const batch of store.readAllBatches({ batchSize: 5000 })) n += batch.length;
    if (n < count) throw new Error(`readAll returned ${n} of ${count}`);
    return n;
  }));
  const rawRead = () => withPeakRss(() => timed(async () => {
    let n = 0;
    for (let after = 0; ;) {
      const rows = await raw.scan(after, 5000);
      n += rows.length;
      if (rows.length < 5000) break;
      after = Number(rows[rows.length - 1]!.position);
    }
    return n;
  }));
  if (round % 2) {
    const s = await storeRead();
    return { store: s.result, storeRss: s.peakMb, raw: (await rawRead()).result };
  }
  const r = await rawRead();
  const s = await storeRead();
  return { raw: r.result, store: s.result, storeRss: s.peakMb };
}

async function liveDelay(store: EventStore, count: number) {
  const committedAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  const subscription = store.subscribe({ after: await store.headCheckpoint(), filter: { streamTypes: ["live"] } }, (event) => {
    seenAt.set(event.eventId, performance.now());
  });
  for (let i = 0; i < count; i++) {
    const eventId = crypto.randomUUID();
    await store.append(`live-${i % 10}`, [{ type: "Live", eventId, data: { i } }]);
    committedAt.set(eventId, performance.now());
    await new Promise((r) => setTimeout(r, 2));
  }
  while (seenAt.size < count) await new Promise((r) => setTimeout(r, 10));
  await subscription.stop();
  // The append's reply and the notification race; a subscriber that is faster than the reply counts as 0 ms.
  const delays = [...committedAt].map(([id, at]) => Math.max(0, seenAt.get(id)! - at));
  return { p50: percentile(delays, 50), p99: percentile(delays, 99) };
}

async function benchmark(driver: "postgres" | "pglite"): Promise<Row[]> {
  const sizes = SIZES[driver];
  const { database, cleanup } = await openBenchDatabase(driver, { databaseUrl: env.DATABASE_URL, name: "store", poolSize: 10 });
  try {
    await migrate(database);
    await database.db.execute(sql.raw(RAW_TABLE));
    const store = createEventStore(database);
    const raw = rawFor(database);
    const rounds = env.BENCH_ROUNDS;
    const collect = async (f: (round: number) => Promise<{ store: number; raw: number }>) => {
      const results = [];
      for (let round = 0; round < rounds; round++) results.push(await f(round));
      return { store: median(results.map((r) => r.store)), raw: median(results.map((r) => r.raw)) };
    };
    log(driver, "single-event appends, 1 writer");
    const one = await collect((round) => singleAppends(store, raw, 1, sizes.single, round));
    log(driver, "single-event appends, 8 writers");
    const eight = await collect((round) => singleAppends(store, raw, 8, sizes.single * 2, round + 100));
    log(driver, "100-event appends");
    const batch = await collect((round) => batchAppends(store, raw, sizes.batches, round));
    log(driver, `filling ${sizes.readEvents} events for readAll`);
    await fill(database, sizes.readEvents);
    log(driver, "readAll");
    const reads = [];
    for (let round = 0; round < rounds; round++) reads.push(await readAllRates(store, raw, sizes.readEvents, round));
    log(driver, "audit log pages");
    const audit = await auditPages(store, sizes.readEvents);
    log(driver, "live delivery");
    const live = await liveDelay(store, sizes.live);
    return [
      { name: "append 1 event, 1 writer", store: one.store, raw: one.raw, unit: "events/s", target: ">= 0.8" },
      { name: "append 1 event, 8 writers", store: eight.store, raw: eight.raw, unit: "events/s", target: ">= 0.8",
        note: `8 writers / 1 writer = ${(eight.store / one.store).toFixed(2)}x (target >= 2x)` },
      { name: "append 100 events, 1 writer", store: batch.store, raw: batch.raw, unit: "events/s", target: ">= 0.8" },
      { name: `readAll ${sizes.readEvents.toLocaleString("en")} events (JSON parsed)`, store: median(reads.map((r) => r.store)),
        raw: median(reads.map((r) => r.raw)), unit: "events/s", target: ">= 0.7",
        note: `peak RSS ${Math.max(...reads.map((r) => r.storeRss)).toFixed(0)} MB (target < 256)` },
      ...audit.map((a) => ({ name: a.name, store: a.ms, unit: "ms" })),
      { name: "live delivery, commit -> subscriber p50", store: live.p50, unit: "ms" },
      { name: "live delivery, commit -> subscriber p99", store: live.p99, unit: "ms", target: "< 100 ms" },
    ];
  } finally {
    await cleanup();
  }
}

function log(driver: string, message: string) {
  process.stderr.write(`[${driver}] ${message}...\n`);
}

function table(driver: string, rows: Row[]): string {
  const fmt = (n: number | undefined, unit: string) => (n === undefined ? "" : unit === "ms" ? n.toFixed(1) : Math.round(n).toLocaleString("en"));
  const lines = [
    `### ${driver} (median of ${env.BENCH_ROUNDS} alternating rounds)`,
    "| measure | store | raw | store/raw | target | note |",
    "|---|---:|---:|---:|---|---|",
    ...rows.map((r) => `| ${r.name} | ${fmt(r.store, r.unit)} ${r.unit} | ${r.raw === undefined ? "" : `${fmt(r.raw, r.unit)} ${r.unit}`} | ${r.raw ? (r.store / r.raw).toFixed(2) : ""} | ${r.target ?? ""} | ${r.note ?? ""} |`),
  ];
  return lines.join("\n");
}

const drivers = env.BENCH_DRIVERS.split(",").map((d) => d.trim()).filter((d): d is "postgres" | "pglite" => d === "postgres" || d === "pglite");
for (const driver of drivers) {
  if (driver === "postgres" && !env.DATABASE_URL) {
    console.log("### postgres: skipped (set DATABASE_URL=postgres://... to benchmark real Postgres)\n");
    continue;
  }
  console.log(`${table(driver, await benchmark(driver))}\n`);
}

// ---- Snapshots (command handling, issue 4): its own block, added at the end; nothing above depends on it. ----
// Imported dynamically so that bench/snapshot.ts, when imported, does not also run as a script.
const { runSnapshotBenchmark } = await import("./snapshot.ts");
console.log(await runSnapshotBenchmark());

// ---- What recording every command costs (issue 14): its own block, after the snapshots. ----
const { runCommandBenchmark } = await import("./commands.ts");
console.log(await runCommandBenchmark());

// ---- What encrypting personal data costs (issue 13): its own block, after the commands. ----
const { runPersonalDataBenchmark } = await import("./personal-data.ts");
console.log(await runPersonalDataBenchmark());
