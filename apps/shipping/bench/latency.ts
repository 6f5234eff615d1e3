/**
 * Cross-service latency: OrderConfirmed committed in the shop's log → OrderShipped committed in it, minus the
 * configured dispatch delay, at a sustained rate of orders. Both hops cross NATS JetStream: the shop's relay
 * publishes shop.order.confirmed, shipping's inbox requests the shipment, its warehouse packs and (after the delay)
 * dispatches, its relay publishes shipping.shipment.dispatched, the shop's inbox ships the order.
 * The raw baseline, in the same run: the same two hops as bare JetStream publish → durable consumer → publish →
 * consumer, with acks, no databases.
 *
 *   DATABASE_URL=postgres://… pnpm --filter @chronicle/shipping-service bench
 *   BENCH_RATE (orders/s, default 200), BENCH_SECONDS (default 20), BENCH_DELAY_MS (default 200)
 * It starts a nats-server of its own (the binary on the PATH, or NATS_SERVER_BIN) with a fresh storage folder, so
 * the services' streams start empty and nothing is left on a shared server.
 * The shipping service runs as its own process (`src/main.ts`, as docker-compose runs it), the shop in this one;
 * BENCH_SHIPPING=in-process runs both in this process instead (as the embedded default does, on PGlite).
 */
import os from "node:os";
import { connect } from "@nats-io/transport-node";
import { sql } from "drizzle-orm";
import { pino } from "pino";
import { executeShopCommand, seedDemo } from "@chronicle/application";
import { newMasterKeyText, query } from "@chronicle/event-store";
import { createTestDatabase } from "@chronicle/event-store/testing";
import { createNatsTransport, type IntegrationMessage } from "@chronicle/messaging";
import { natsServerBinary, startOwnNatsServer } from "@chronicle/messaging/testing/nats";
import { openDatabase } from "@chronicle/event-store";
import { freePort } from "@chronicle/messaging/testing/nats";
import { openPlatform, openShippingService, openTransport, parseEnv, PlatformEnvSchema, startShopMessaging, type ShippingService, type ShopMessaging } from "@chronicle/platform";
import { startShippingProcess, type ShippingProcess } from "../src/proofs/shipping-process.fixture.ts";

const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const DELAY = Number(process.env.BENCH_DELAY_MS ?? 200);
const SHIPPING_IN_PROCESS = process.env.BENCH_SHIPPING === "in-process";
const databaseUrl = process.env.DATABASE_URL;
const binary = natsServerBinary();
if (!databaseUrl || !binary) throw new Error("set DATABASE_URL (a Postgres server); nats-server must be on the PATH (or NATS_SERVER_BIN)");
const nats = await startOwnNatsServer(binary);
const natsUrl = nats.url;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");

async function rawBaseline(orders: number): Promise<number[]> {
  // Two hops on bare JetStream, paced like the real run: publish → consume → publish → consume, timed end to end.
  const transport = createNatsTransport({ url: natsUrl! });
  const stamp = Date.now().toString(36);
  const streams = [
    { name: `BENCH_A_${stamp}`, subjects: [`bencha${stamp}.>`], maxAgeMs: 600_000, maxMessages: 1_000_000, maxBytes: 256 * 1024 ** 2, duplicateWindowMs: 60_000 },
    { name: `BENCH_B_${stamp}`, subjects: [`benchb${stamp}.>`], maxAgeMs: 600_000, maxMessages: 1_000_000, maxBytes: 256 * 1024 ** 2, duplicateWindowMs: 60_000 },
  ];
  await transport.ensureStreams(streams);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const message = (prefix: string, id: string): IntegrationMessage => ({ id: `${prefix}-${id}`, subject: `${prefix}${stamp}.x.${id}`, type: "bench.v1", data: { id }, occurredAt: new Date().toISOString() });
  const a = transport.consume({ stream: streams[0]!.name, durable: `a${stamp}`, concurrency: 8 }, async (m) => {
    await transport.publish(message("benchb", String((m.data as { id: string }).id)));
  });
  const b = transport.consume({ stream: streams[1]!.name, durable: `b${stamp}`, concurrency: 8 }, async (m) => {
    const id = String((m.data as { id: string }).id);
    latencies.push(Date.now() - (sentAt.get(id) ?? Date.now()));
  });
  const started = Date.now();
  for (let i = 0; i < orders; i++) {
    const due = started + (i * 1000) / RATE;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    sentAt.set(String(i), Date.now());
    void transport.publish(message("bencha", String(i)));
  }
  while (latencies.length < orders) await new Promise((resolve) => setTimeout(resolve, 50));
  await a.stop();
  await b.stop();
  await transport.close();
  return latencies;
}

const shopDb = await createTestDatabase(databaseUrl);
const shippingDb = await createTestDatabase(databaseUrl);
const log = pino({ level: "warn" });
const env = parseEnv(PlatformEnvSchema, { DATABASE_URL: shopDb.url, PERSONAL_DATA_MASTER_KEY: newMasterKeyText(), SHIPPING_DATABASE_URL: shippingDb.url, NATS_URL: natsUrl, SHIP_DELAY_MS: String(DELAY), DELIVERY_DELAY_MS: "3600000", LOG_LEVEL: "warn" });
const platform = await openPlatform(env, { service: "bench-shop", log, poolSize: 20 });
const shopTransport = await openTransport(env, "bench-shop", log);
const shippingTransport = SHIPPING_IN_PROCESS ? await openTransport(env, "bench-shipping", log) : undefined;
// What the bench reads of shipping's log afterwards (the stage times), on a connection of its own.
const shippingObserver = await openDatabase({ url: shippingDb.url, poolSize: 2 });
let shopMessaging: ShopMessaging | undefined;
let shipping: ShippingService | ShippingProcess | undefined;
try {
  const { store } = platform;
  await seedDemo(store);
  const orders = RATE * SECONDS;
  // Orders placed first (not measured): what is measured starts at their confirmation. The shop's fulfillment does
  // not run here (its stock reservations all meet on one product's stream, a contention of the shop's own); the
  // confirmations come from this script at the sustained rate, as ConfirmOrder commands.
  for (let i = 0; i < orders; i += 50) {
    await Promise.all(Array.from({ length: Math.min(50, orders - i) }, async (_, k) => {
      const at = { now: new Date().toISOString() };
      await executeShopCommand(store, { type: "AddProductToCart", data: { userId: `b${i + k}`, productId: "101", quantity: 1 } }, at);
      await executeShopCommand(store, { type: "PlaceOrder", data: { userId: `b${i + k}`, orderId: `bench-${i + k}` } }, at);
    }));
  }
  // A plain NATS subscriber beside the services notes when each public message reached the broker, which splits
  // each hop into its relay part (commit → stored on JetStream) and its inbox part (stored → command committed).
  const watcher = await connect({ servers: natsUrl });
  const onBroker = { confirmed: new Map<string, number>(), dispatched: new Map<string, number>() };
  const watch = (subject: string, into: Map<string, number>) =>
    watcher.subscribe(subject, { callback: (_error, message) => void into.set(message.subject.split(".").at(-1)!, Date.now()) });
  watch("shop.order.confirmed.v1.>", onBroker.confirmed);
  watch("shipping.shipment.dispatched.v1.>", onBroker.dispatched);
  shopMessaging = startShopMessaging(platform, shopTransport);
  shipping = shippingTransport
    ? await openShippingService(env, { transport: shippingTransport, log })
    : await startShippingProcess({ SHIPPING_DATABASE_URL: shippingDb.url, NATS_URL: natsUrl, SHIP_DELAY_MS: String(DELAY), DELIVERY_DELAY_MS: "3600000" }, await freePort());
  console.log(`confirming ${orders} orders at ${RATE}/s for ${SECONDS} s (dispatch delay ${DELAY} ms; shipping ${SHIPPING_IN_PROCESS ? "in this process" : "as its own process"})…`);
  const started = Date.now();
  const confirming: Promise<unknown>[] = [];
  for (let i = 0; i < orders; i++) {
    const due = started + (i * 1000) / RATE;
    if (due > Date.now()) await new Promise((resolve) => setTimeout(resolve, due - Date.now()));
    confirming.push(executeShopCommand(store, { type: "ConfirmOrder", data: { orderId: `bench-${i}` } }, { now: new Date().toISOString() }));
  }
  await Promise.all(confirming);
  const confirmedIn = (Date.now() - started) / 1000;
  const shippedCount = async () => Number((await query<{ n: string }>(platform.database.db, sql`select count(*) as n from events where type = 'OrderShipped'`))[0]?.n ?? 0);
  const deadline = Date.now() + 600_000;
  while ((await shippedCount()) < orders && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 500));
  const rows = await query<{ latency: string }>(platform.database.db, sql`
    select extract(epoch from (s.recorded_at - c.recorded_at)) * 1000 - ${DELAY} as latency
    from events c join events s on s.stream_id = c.stream_id and s.type = 'OrderShipped'
    where c.type = 'OrderConfirmed' and c.stream_id like 'order-bench-%'`);
  const latencies = rows.map((r) => Number(r.latency)).sort((x, y) => x - y);
  // Where the time goes, per order: hop 1 (shop relay → JetStream → shipping inbox), the warehouse (request → dispatch,
  // minus the delay), hop 2 (shipping relay → JetStream → shop inbox). Both databases live on one server: one clock.
  const at = async (db: typeof platform.database.db, type: string, prefix: string) =>
    new Map((await query<{ id: string; t: string }>(db, sql`select substr(stream_id, ${prefix.length + 1}) as id, extract(epoch from recorded_at) * 1000 as t
      from events where type = ${type} and stream_id like ${`${prefix}bench-%`}`)).map((r) => [r.id, Number(r.t)]));
  const confirmedAt = await at(platform.database.db, "OrderConfirmed", "order-");
  const shippedAt = await at(platform.database.db, "OrderShipped", "order-");
  const requestedAt = await at(shippingObserver.db, "ShipmentRequested", "shipment-");
  const dispatchedAt = await at(shippingObserver.db, "ShipmentDispatched", "shipment-");
  const stage = (from: Map<string, number>, to: Map<string, number>, minus = 0) =>
    [...to.entries()].flatMap(([id, t]) => (from.has(id) ? [t - from.get(id)! - minus] : [])).sort((x, y) => x - y);
  await watcher.drain();
  const stages = [
    ["hop 1: OrderConfirmed → ShipmentRequested (shop relay, JetStream, shipping inbox)", stage(confirmedAt, requestedAt)],
    ["  hop 1, relay: OrderConfirmed committed → on the broker", stage(confirmedAt, onBroker.confirmed)],
    ["  hop 1, inbox: on the broker → ShipmentRequested committed", stage(onBroker.confirmed, requestedAt)],
    ["warehouse: ShipmentRequested → ShipmentDispatched − delay (pack, dispatch)", stage(requestedAt, dispatchedAt, DELAY)],
    ["hop 2: ShipmentDispatched → OrderShipped (shipping relay, JetStream, shop inbox)", stage(dispatchedAt, shippedAt)],
    ["  hop 2, relay: ShipmentDispatched committed → on the broker", stage(dispatchedAt, onBroker.dispatched)],
    ["  hop 2, inbox: on the broker → OrderShipped committed", stage(onBroker.dispatched, shippedAt)],
  ] as const;
  const raw = (await rawBaseline(Math.min(orders, 2000))).sort((x, y) => x - y);
  const p = (list: number[], q: number) => percentile(list, q).toFixed(0);
  console.log(`\norders confirmed: ${orders} in ${confirmedIn.toFixed(1)} s (${(orders / confirmedIn).toFixed(0)}/s achieved), shipped: ${latencies.length}; machine load (1/5/15 min): ${load()}`);
  console.log("| measure | n | p50 ms | p99 ms | max ms |");
  console.log("|---|---|---|---|---|");
  console.log(`| OrderConfirmed → OrderShipped − delay (two services, two logs, JetStream) | ${latencies.length} | ${p(latencies, 50)} | ${p(latencies, 99)} | ${latencies.at(-1)?.toFixed(0)} |`);
  for (const [name, values] of stages) console.log(`| ${name} | ${values.length} | ${p(values, 50)} | ${p(values, 99)} | ${values.at(-1)?.toFixed(0)} |`);
  console.log(`| raw: two JetStream hops publish → consumer → publish → consumer | ${raw.length} | ${p(raw, 50)} | ${p(raw, 99)} | ${raw.at(-1)?.toFixed(0)} |`);
  console.log(`| ratio (raw / cross-service) | | ${(percentile(raw, 50) / percentile(latencies, 50)).toFixed(2)} | ${(percentile(raw, 99) / percentile(latencies, 99)).toFixed(2)} | |`);
  console.log(`target p99 < 500 ms: ${percentile(latencies, 99) < 500 ? "met" : "NOT met"}`);
} finally {
  await shopMessaging?.stop();
  await shipping?.stop();
  await shopTransport.close();
  await shippingTransport?.close();
  await shippingObserver.close();
  await platform.close();
  await shopDb.drop();
  await shippingDb.drop();
  await nats.dispose();
}
