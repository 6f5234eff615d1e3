/**
 * `pnpm bench:personal-data` (and the end of `pnpm bench`): what crypto-shredding costs. Appends and reads of events
 * with two personal fields (a name and an email), with the encryption layer off and on, next to a raw insert/scan of
 * the same rows, alternating the variants over several rounds. "on, no personal fields" is what every other event
 * pays: one classification, nothing encrypted.
 */
import { pathToFileURL } from "node:url";
import { sql } from "drizzle-orm";
import { z } from "zod";
import {
  createEventStore,
  migrate,
  newMasterKeyText,
  parseMasterKey,
  protectPersonalData,
  stopProtectingPersonalData,
  verifyMasterKey,
  type PersonalDataClassifier,
} from "../src/index.ts";
import { RAW_TABLE, rawFor } from "./raw.ts";
import { openBenchDatabase } from "./bench-database.ts";
import { median, timed } from "./stats.ts";

const env = z.object({
  DATABASE_URL: z.string().optional(),
  BENCH_DRIVERS: z.string().default("postgres,pglite"),
  BENCH_ROUNDS: z.coerce.number().int().min(1).default(5),
  BENCH_PERSONAL_APPENDS: z.coerce.number().int().min(10).optional(),
  BENCH_PERSONAL_READS: z.coerce.number().int().min(100).optional(),
}).parse(process.env);

const SUBJECTS = 100;
const classify: PersonalDataClassifier = (event) => {
  const data = event.data as { personId?: unknown };
  if (event.type !== "PersonRegistered" || typeof data.personId !== "string") return undefined;
  return { subject: `person-${data.personId}`, fields: ["name", "email"] };
};
const person = (i: number) => ({
  personId: String(i % SUBJECTS),
  name: `Person Number ${i}`,
  email: `person.${i}@example.com`,
  note: "x".repeat(60),
});

type Variant = "raw" | "off" | "onPlain" | "onPersonal";

async function measure(driver: "postgres" | "pglite"): Promise<string> {
  const { database, cleanup } = await openBenchDatabase(driver, { databaseUrl: env.DATABASE_URL, name: "personal" });
  try {
    await migrate(database);
    await database.db.execute(sql.raw(RAW_TABLE));
    const master = parseMasterKey(newMasterKeyText());
    await verifyMasterKey(database.db, master);
    const store = createEventStore(database);
    const raw = rawFor(database);
    const layer = (on: boolean) => (on ? protectPersonalData(database, { master, classify }) : stopProtectingPersonalData(database));
    // Every subject has its key before measuring: a key is made once per person, not per event.
    layer(true);
    for (let s = 0; s < SUBJECTS; s++) await store.append(`person-${s}`, [{ type: "PersonRegistered", data: person(s) }]);
    // Reads first (the log then holds just these and the subjects' first events): the same personal events read back with the layer off (ciphertext as stored) and on (decrypted).
    const reads = env.BENCH_PERSONAL_READS ?? (driver === "postgres" ? 50_000 : 20_000);
    layer(true);
    for (let b = 0; b < reads / 1000; b++) {
      await store.append(`read-${b}`, Array.from({ length: 1000 }, (_, i) => ({ type: "PersonRegistered", data: person(b * 1000 + i) })));
      await database.db.execute(sql`insert into raw_events (event_id, stream_id, stream_type, stream_version, type, data)
        select gen_random_uuid(), ${`rawread-${b}`}, 'rawread', g, 'PersonRegistered', ${JSON.stringify(person(b))}::jsonb from generate_series(1, 1000) g`);
    }
    const readRate = (variant: "raw" | "off" | "on") => {
      if (variant !== "raw") layer(variant === "on");
      return timed(async () => {
        let n = 0;
        if (variant === "raw") {
          for (let after = 0; ;) {
            const rows = await raw.scan(after, 5000);
            n += rows.length;
            if (rows.length < 5000) break;
            after = Number(rows[rows.length - 1]!.position);
          }
          return n;
        }
        for await (const batch of store.readAllBatches({ batchSize: 5000 })) n += batch.length;
        return n;
      });
    };
    const readRates: Record<"raw" | "off" | "on", number[]> = { raw: [], off: [], on: [] };
    for (let round = 0; round < env.BENCH_ROUNDS; round++) {
      const order = round % 2 ? (["on", "off", "raw"] as const) : (["raw", "off", "on"] as const);
      for (const variant of order) readRates[variant].push(await readRate(variant));
    }
    const appends = env.BENCH_PERSONAL_APPENDS ?? (driver === "postgres" ? 2000 : 1000);
    const appendRate = (variant: Variant, round: number) => {
      layer(variant === "onPlain" || variant === "onPersonal");
      return timed(async () => {
        for (let i = 0; i < appends; i++) {
          const streamId = `bench-${variant}${round}x${i % 50}`;
          const version = Math.floor(i / 50);
          if (variant === "raw") await raw.insertOne(streamId, version + 1, JSON.stringify(person(i)));
          else await store.append(streamId, [{ type: variant === "onPlain" ? "PersonNoted" : "PersonRegistered", data: person(i) }], { expectedVersion: version });
        }
        return appends;
      });
    };
    const variants: Variant[] = ["raw", "off", "onPlain", "onPersonal"];
    const rates: Record<Variant, number[]> = { raw: [], off: [], onPlain: [], onPersonal: [] };
    for (let round = 0; round < env.BENCH_ROUNDS; round++) {
      const order = round % 2 ? [...variants].reverse() : variants;
      for (const variant of order) rates[variant].push(await appendRate(variant, round));
    }

    layer(false);
    const m = (values: number[]) => median(values);
    const rawAppend = m(rates.raw);
    const offAppend = m(rates.off);
    const rawRead = m(readRates.raw);
    const offRead = m(readRates.off);
    const row = (name: string, rate: number, rawRate: number, offRate: number) =>
      `| ${name} | ${Math.round(rate).toLocaleString("en")} events/s | ${(rate / rawRate).toFixed(2)} | ${(rate / offRate).toFixed(2)} |`;
    return [
      `### personal data (crypto-shredding), ${driver}: ${appends} single-event appends, ${reads.toLocaleString("en")} events read with readAll (each with 2 personal fields), median of ${env.BENCH_ROUNDS} alternating rounds`,
      "| measure | rate | / raw | / layer off |",
      "|---|---:|---:|---:|",
      row("append, raw insert", rawAppend, rawAppend, offAppend),
      row("append, layer off", offAppend, rawAppend, offAppend),
      row("append, layer on, event without personal fields", m(rates.onPlain), rawAppend, offAppend),
      row("append, layer on, 2 personal fields encrypted", m(rates.onPersonal), rawAppend, offAppend),
      row("readAll, raw scan", rawRead, rawRead, offRead),
      row("readAll, layer off (ciphertext as stored)", offRead, rawRead, offRead),
      row("readAll, layer on (2 fields decrypted per event)", m(readRates.on), rawRead, offRead),
    ].join("\n");
  } finally {
    await cleanup();
  }
}

export async function runPersonalDataBenchmark(): Promise<string> {
  const out: string[] = [];
  for (const driver of env.BENCH_DRIVERS.split(",").map((d) => d.trim())) {
    if (driver !== "postgres" && driver !== "pglite") continue;
    if (driver === "postgres" && !env.DATABASE_URL) {
      out.push("### personal data, postgres: skipped (set DATABASE_URL)");
      continue;
    }
    process.stderr.write(`[${driver}] personal data: appends and reads, layer off/on...\n`);
    out.push(await measure(driver));
  }
  return out.join("\n\n") + "\n";
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) console.log(await runPersonalDataBenchmark());
