/**
 * `pnpm --filter @chronicle/event-store run bench:append-cost` (Postgres, DATABASE_URL): where a single-event
 * append's time goes beyond a raw insert, one guarantee at a time, on the same database in one run, alternating
 * rounds. Each step adds one thing to the one before it:
 *   1. raw insert: the hand-rolled log table (raw.ts);
 *   2. + a unique event_id index (idempotency: a retried append is recognised by its ids);
 *   3. + the stream's version checked and bumped in the same statement (optimistic concurrency);
 *   4. the store's append statement itself (adds the stream's advisory lock, which orders a stream's appends by
 *      transaction id for readers, and the events table's (tx_id, position) key, the global order);
 *   5. store.append (adds validation, ids, JSON checks and the throttled NOTIFY that wakes subscribers).
 */
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Sql } from "postgres";
import { appendStatement } from "../src/append.ts";
import { createEventStore, migrate, openDatabase, type EventStore } from "../src/index.ts";
import { newEventId } from "../src/ids.ts";
import { createTestDatabase } from "../src/testing/index.ts";
import { RAW_TABLE } from "./raw.ts";
import { median } from "./stats.ts";

const env = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL"),
  BENCH_ROUNDS: z.coerce.number().int().min(1).default(3),
  BENCH_APPENDS: z.coerce.number().int().min(100).default(2000),
  BENCH_WRITERS: z.string().default("1,8"),
}).parse(process.env);

const payload = (i: number) => JSON.stringify({ sku: `sku-${i % 1000}`, quantity: i % 10, note: "x".repeat(60) });

const created = await createTestDatabase(env.DATABASE_URL);
const database = await openDatabase({ url: created.url, poolSize: 10 });
try {
  await migrate(database);
  const sql = (database.db as unknown as { $client: Sql }).$client;
  await sql.unsafe(RAW_TABLE);
  await sql.unsafe(RAW_TABLE.replace("raw_events", "raw_ids").replace("unique (stream_id, stream_version))", "unique (stream_id, stream_version), unique (event_id))"));
  await sql.unsafe(RAW_TABLE.replace("raw_events", "raw_versioned").replace("unique (stream_id, stream_version))", "unique (stream_id, stream_version), unique (event_id))"));
  await sql.unsafe("create table raw_streams (stream_id text primary key, version bigint not null)");
  const store: EventStore = createEventStore(database);
  const executor = database.db;

  type Step = (stream: string, version: number, i: number) => Promise<unknown>;
  const steps: [string, Step][] = [
    ["1. raw insert", (stream, version, i) => sql`insert into raw_events (event_id, stream_id, stream_type, stream_version, type, data, metadata)
      values (${randomUUID()}, ${stream}, 'bench', ${version}, 'Benchmarked', ${payload(i)}::jsonb, '{}'::jsonb)`],
    ["2. + unique event_id", (stream, version, i) => sql`insert into raw_ids (event_id, stream_id, stream_type, stream_version, type, data, metadata)
      values (${randomUUID()}, ${stream}, 'bench', ${version}, 'Benchmarked', ${payload(i)}::jsonb, '{}'::jsonb)`],
    ["3. + stream version checked and bumped", (stream, version, i) => sql`with s as (
        insert into raw_streams as st (stream_id, version) values (${stream}, 1)
        on conflict (stream_id) do update set version = st.version + 1 where st.version = ${version - 1}::bigint returning st.version)
      insert into raw_versioned (event_id, stream_id, stream_type, stream_version, type, data, metadata)
      select ${randomUUID()}, ${stream}, 'bench', s.version, 'Benchmarked', ${payload(i)}::jsonb, '{}'::jsonb from s`],
    ["4. the store's append statement", (stream, version, i) => appendStatement(executor, stream, "bench",
      [{ eventId: newEventId(), type: "Benchmarked", schemaVersion: 1, dataJson: payload(i), metadataJson: "{}" } as never], version - 1, false)],
    ["5. store.append", (stream, version, i) => store.append(stream, [{ type: "Benchmarked", data: JSON.parse(payload(i)) }], { expectedVersion: version - 1 })],
  ];

  const lines = ["| step | 1 writer | vs raw | 8 writers | vs raw |", "|---|---:|---:|---:|---:|"];
  const results = new Map<string, Map<number, number[]>>();
  const writerCounts = env.BENCH_WRITERS.split(",").map(Number);
  // Warm-up, not measured: the pool opens its connections and every statement is prepared on each of them.
  for (const [name, step] of steps) {
    await Promise.all(Array.from({ length: 10 }, async (_, w) => {
      for (let i = 0; i < 20; i++) await step(`warm-${name[0]}w${w}`, i + 1, i);
    }));
  }
  for (let round = 0; round < env.BENCH_ROUNDS; round++) {
    for (const writers of writerCounts) {
      // A different order each round, so that drift favours no step.
      const order = round % 2 ? [...steps].reverse() : steps;
      for (const [name, step] of order) {
        const per = Math.floor(env.BENCH_APPENDS / writers);
        const started = performance.now();
        await Promise.all(Array.from({ length: writers }, async (_, w) => {
          const stream = `bench-${name[0]}r${round}w${writers}x${w}`;
          for (let i = 0; i < per; i++) await step(stream, i + 1, i);
        }));
        const rate = (per * writers) / ((performance.now() - started) / 1000);
        const byWriters = results.get(name) ?? new Map<number, number[]>();
        byWriters.set(writers, [...(byWriters.get(writers) ?? []), rate]);
        results.set(name, byWriters);
        process.stderr.write(`round ${round + 1}, ${writers} writer(s), ${name}: ${rate.toFixed(0)}/s\n`);
      }
    }
  }
  const rawOf = (writers: number) => median(results.get(steps[0]![0])!.get(writers)!);
  for (const [name] of steps) {
    const cells = writerCounts.flatMap((w) => {
      const rate = median(results.get(name)!.get(w)!);
      return [`${Math.round(rate).toLocaleString("en")}/s`, (rate / rawOf(w)).toFixed(2)];
    });
    lines.push(`| ${name} | ${cells.join(" | ")} |`);
  }
  console.log(`\nWhat a single-event append costs beyond a raw insert (Postgres, median of ${env.BENCH_ROUNDS} rounds, ${env.BENCH_APPENDS} appends per step)\n`);
  console.log(lines.join("\n"));
} finally {
  await database.close();
  await created.drop();
}
