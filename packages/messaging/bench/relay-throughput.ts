/**
 * `pnpm --filter @chronicle/messaging run bench`: the outbox relay's throughput (integration events per second,
 * from the log to JetStream acks, checkpoint included) against a raw JetStream publish loop of the same messages
 * with the same headers, message ids and number of publishes awaiting their ack. Same server, same run, rounds
 * alternating which goes first; the median of the rounds is reported. Needs NATS_URL; the log is on Postgres when
 * DATABASE_URL is set, else on an in-memory PGlite.
 */
import { headers as natsHeaders, connect } from "@nats-io/transport-node";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { createEventStore, migrate, openDatabase, type Database, type EventStore, type StoredEvent } from "@chronicle/event-store";
import { createTestDatabase } from "@chronicle/event-store/testing";
import { z } from "zod";
import { createInProcessTransport, createNatsTransport, HEADER, startRelay, type IntegrationMessage, type Transport } from "../src/index.ts";
import { testStreamSpec } from "../src/testing/index.ts";
import { appendWidgets, widgetMessages } from "../src/testing/widgets.ts";

const env = z.object({
  NATS_URL: z.string().regex(/^nats:\/\//, "must be a nats:// URL"),
  DATABASE_URL: z.string().optional(),
  BENCH_EVENTS: z.coerce.number().int().min(100).default(20_000),
  BENCH_ROUNDS: z.coerce.number().int().min(1).default(3),
  BENCH_IN_FLIGHT: z.coerce.number().int().min(1).default(256),
  // "interleaved": ten orders' events per transaction, one each (the shape of integration events: few per
  // aggregate, many aggregates); "runs": ten events of one aggregate in a row, which the relay must publish one
  // after another (per-subject order) while the raw loop does not.
  BENCH_SHAPE: z.enum(["interleaved", "runs"]).default("interleaved"),
}).safeParse(process.env);
if (!env.success) {
  console.error(`bench: ${env.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")} (set NATS_URL=nats://127.0.0.1:4222)`);
  process.exit(1);
}
const { NATS_URL, DATABASE_URL, BENCH_EVENTS, BENCH_ROUNDS, BENCH_IN_FLIGHT, BENCH_SHAPE } = env.data;
const tag = Date.now().toString(36);
const prefix = `bench${tag}`;
const run = `b${tag}`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function openLog(): Promise<{ database: Database; store: EventStore; close(): Promise<void>; driver: string }> {
  if (DATABASE_URL) {
    const created = await createTestDatabase(DATABASE_URL);
    const database = await openDatabase({ url: created.url, poolSize: 4 });
    await migrate(database);
    return { database, store: createEventStore(database), driver: "postgres", close: async () => { await database.close(); await created.drop(); } };
  }
  const database = await openDatabase({});
  await migrate(database);
  return { database, store: createEventStore(database), driver: "pglite", close: () => database.close() };
}

/** The baseline: the client's own publish with acks, `BENCH_IN_FLIGHT` awaiting their ack at any time. */
async function rawPublish(messages: IntegrationMessage[], stream: string): Promise<number> {
  const nc = await connect({ servers: NATS_URL });
  const js = jetstream(nc);
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < messages.length) {
      const m = messages[next++]!;
      const h = natsHeaders();
      h.set(HEADER.id, m.id);
      h.set(HEADER.type, m.type);
      h.set(HEADER.occurredAt, m.occurredAt);
      if (m.correlationId) h.set(HEADER.correlationId, m.correlationId);
      if (m.causationId) h.set(HEADER.causationId, m.causationId);
      await js.publish(`${stream.toLowerCase()}.${m.subject}`, new TextEncoder().encode(JSON.stringify(m.data)), { msgID: m.id, headers: h });
    }
  };
  await Promise.all(Array.from({ length: BENCH_IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  await nc.close();
  return messages.length / seconds;
}

/** The relay from the start of the log until its checkpoint reaches the head. */
async function relayPublish(store: EventStore, transport: Transport, stream: string, name: string): Promise<number> {
  const head = await store.headCheckpoint();
  const map = widgetMessages(prefix, run);
  const toMessages = (event: StoredEvent) => map(event).map((m) => ({ ...m, subject: `${stream.toLowerCase()}.${m.subject}` }));
  const started = performance.now();
  const relay = startRelay(store, { name, transport, toMessages, batchSize: 1000, maxInFlight: BENCH_IN_FLIGHT, pollIntervalMs: 50, takeoverIntervalMs: 50 });
  while (relay.position().txId !== head.txId || relay.position().position !== head.position) await new Promise((r) => setTimeout(r, 5));
  const seconds = (performance.now() - started) / 1000;
  const { published } = relay.counts();
  await relay.stop();
  return published / seconds;
}

const log = await openLog();
const nats = createNatsTransport({ url: NATS_URL, name: "relay-bench" });
const admin = await connect({ servers: NATS_URL });
const jsm = await jetstreamManager(admin);
const created: string[] = [];
try {
  process.stdout.write(`appending ${BENCH_EVENTS} events to the log (${log.driver}, shape ${BENCH_SHAPE})... `);
  await appendWidgets(log.store, { run, count: BENCH_EVENTS, streams: 500, perAppend: 10, shape: BENCH_SHAPE });
  const messages: IntegrationMessage[] = [];
  for await (const event of log.store.readAll()) messages.push(...widgetMessages(prefix, run)(event));
  console.log(`${messages.length} integration messages`);

  const rows: { round: number; raw: number; relay: number; inProcess: number }[] = [];
  for (let round = 1; round <= BENCH_ROUNDS; round++) {
    const rawStream = `BENCH_RAW_${tag}_${round}`;
    const relayStream = `BENCH_RELAY_${tag}_${round}`;
    await nats.ensureStreams([testStreamSpec(rawStream, [`${rawStream.toLowerCase()}.>`]), testStreamSpec(relayStream, [`${relayStream.toLowerCase()}.>`])]);
    created.push(rawStream, relayStream);
    const relayRun = () => relayPublish(log.store, nats, relayStream, `bench${tag}r${round}`);
    let raw: number;
    let relay: number;
    if (round % 2) {
      raw = await rawPublish(messages, rawStream);
      relay = await relayRun();
    } else {
      relay = await relayRun();
      raw = await rawPublish(messages, rawStream);
    }
    const inProcessStream = `BENCH_MEM_${round}`;
    const memory = createInProcessTransport();
    await memory.ensureStreams([testStreamSpec(inProcessStream, [`${inProcessStream.toLowerCase()}.>`])]);
    const inProcess = await relayPublish(log.store, memory, inProcessStream, `bench${tag}m${round}`);
    await memory.close();
    rows.push({ round, raw, relay, inProcess });
    console.log(`round ${round}: raw ${raw.toFixed(0)}/s, relay ${relay.toFixed(0)}/s, ratio ${(relay / raw).toFixed(2)}; relay to the in-process transport ${inProcess.toFixed(0)}/s`);
  }
  const raw = median(rows.map((r) => r.raw));
  const relay = median(rows.map((r) => r.relay));
  const ratios = rows.map((r) => r.relay / r.raw);
  console.log(`\nRelay throughput, ${messages.length} messages (${BENCH_SHAPE}), ${BENCH_IN_FLIGHT} in flight, log on ${log.driver}, median of ${BENCH_ROUNDS} rounds\n`);
  console.log("| what | messages/s | ratio to raw | target |");
  console.log("|---|---:|---:|---|");
  console.log(`| raw JetStream publish loop with acks (baseline) | ${raw.toFixed(0)} | 1.00 | |`);
  console.log(`| relay: log → JetStream, checkpoint after the acks | ${relay.toFixed(0)} | ${median(ratios).toFixed(2)} (rounds: ${ratios.map((r) => r.toFixed(2)).join(", ")}) | ≥ 0.5 |`);
  console.log(`| relay: log → in-process transport (no broker) | ${median(rows.map((r) => r.inProcess)).toFixed(0)} | — | |`);
} finally {
  for (const name of created) await jsm.streams.delete(name).catch(() => false);
  await admin.close();
  await nats.close();
  await log.close();
}
