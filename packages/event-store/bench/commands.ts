/**
 * `pnpm bench:commands` (and the end of `pnpm bench`): what keeping every command costs. The same one-event command
 * through the command handler three ways — not recorded (the one-statement append), recorded under a made id (the
 * command and the versions it read, written in the append's transaction), and with a caller's command id (a lookup
 * first, then the same) — against a raw insert of one row, alternating the variants over several rounds.
 */
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { createCommandHandler, createEventStore, migrate, type StreamModel } from "../src/index.ts";
import { RAW_TABLE, rawFor } from "./raw.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { median, timed } from "./stats.ts";

const env = z.object({
  DATABASE_URL: z.string().optional(),
  BENCH_DRIVERS: z.string().default("postgres,pglite"),
  BENCH_ROUNDS: z.coerce.number().int().min(1).default(5),
  BENCH_COMMANDS: z.coerce.number().int().min(10).optional(),
}).parse(process.env);

const counter: StreamModel<number, number> = { reducerVersion: 1, initialState: () => 0, evolve: (n, by) => n + by };
const payload = (i: number) => ({ sku: `sku-${i % 1000}`, quantity: i % 10, note: "x".repeat(60) });

type Variant = "raw" | "plain" | "recorded" | "callerId";
const VARIANTS: Variant[] = ["raw", "plain", "recorded", "callerId"];

async function measure(driver: "postgres" | "pglite"): Promise<string> {
  const { database, cleanup } = await openBenchDatabase(driver, { databaseUrl: env.DATABASE_URL, name: "commands" });
  try {
    await migrate(database);
    await database.db.execute(sql.raw(RAW_TABLE));
    const store = createEventStore(database);
    const raw = rawFor(database);
    const handler = createCommandHandler(store, { streamTypes: { bench: counter }, read: (e) => Number(e.data.quantity) });
    const count = env.BENCH_COMMANDS ?? (driver === "postgres" ? 1000 : 500);
    // Every command reads and writes a stream of its own, so each one loads the same (empty) history.
    const run = (variant: Variant, round: number) => timed(async () => {
      for (let i = 0; i < count; i++) {
        const streamId = `bench-${variant}${round}x${i}` as const;
        const data = payload(i);
        if (variant === "raw") {
          await raw.insertOne(streamId, 1, JSON.stringify(data));
          continue;
        }
        await handler.handle({
          ...(variant === "callerId" && { commandId: `bench-${round}-${i}` }),
          ...(variant !== "plain" && { record: { type: "Bench", data: { streamId, ...data }, metadata: { actor: "bench" } } }),
          decide: (state) => [{ streamId, events: [{ type: "Benchmarked", data: { ...data, quantity: state(streamId) + data.quantity } }] }],
        });
      }
      return count;
    });
    const rates: Record<Variant, number[]> = { raw: [], plain: [], recorded: [], callerId: [] };
    for (let round = -1; round < env.BENCH_ROUNDS; round++) { // round -1 warms up
      for (let k = 0; k < VARIANTS.length; k++) {
        // Rotate the order, so drift does not always favour the same variant.
        const variant = VARIANTS[(k + Math.max(round, 0)) % VARIANTS.length]!;
        const rate = await run(variant, round + 1);
        if (round >= 0) rates[variant].push(rate);
      }
    }
    const m = (v: Variant) => median(rates[v]);
    const row = (name: string, v: Variant, note = "") =>
      `| ${name} | ${Math.round(m(v)).toLocaleString("en")} commands/s | ${(m(v) / m("raw")).toFixed(2)} | ${(m(v) / m("plain")).toFixed(2)} | ${note} |`;
    return [
      `### ${driver}: one-event commands, 1 writer (median of ${env.BENCH_ROUNDS} alternating rounds of ${count}; ` +
        `${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(1)).join(" ")})`,
      "| command | rate | / raw insert | / not recorded | what it does |",
      "|---|---:|---:|---:|---|",
      `| raw insert of one row | ${Math.round(m("raw")).toLocaleString("en")} rows/s | 1.00 | | the baseline |`,
      row("not recorded", "plain", "load + the one-statement append"),
      row("recorded, made id", "recorded", "load + BEGIN, append, insert into commands, COMMIT"),
      row("recorded, caller's command id", "callerId", "lookup + load + the same transaction"),
    ].join("\n");
  } finally {
    await cleanup();
  }
}

export async function runCommandBenchmark(): Promise<string> {
  const tables: string[] = [];
  for (const driver of env.BENCH_DRIVERS.split(",").map((d) => d.trim())) {
    if (driver !== "postgres" && driver !== "pglite") continue;
    if (driver === "postgres" && !env.DATABASE_URL) {
      tables.push("### postgres: skipped (set DATABASE_URL=postgres://... to benchmark real Postgres)");
      continue;
    }
    process.stderr.write(`[${driver}] command handling, recorded or not...\n`);
    tables.push(await measure(driver));
  }
  return `${tables.join("\n\n")}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  console.log(await runCommandBenchmark());
}
