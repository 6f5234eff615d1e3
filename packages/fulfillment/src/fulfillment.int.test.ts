import { fulfillmentMigrationSet } from "./migrations.ts";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeShopCommand, seedDemo } from "@chronicle/application";
import { orderDecider, fold, upcast, type OrderEvent } from "@chronicle/domain";
import { createEventStore, eventStoreMigrationSet, query, startProjectionRunner, type EventStore, type ProjectionRunner } from "@chronicle/event-store";
import { openTestDatabase } from "@chronicle/event-store/testing";
import { fulfillmentProjection } from "./fulfillment-projection.ts";
import { startOutboxSender } from "./outbox-sender.ts";
import { listParkedCommands, retryParkedCommand } from "./parked-commands.ts";

const now = () => new Date().toISOString();

describe("the fulfillment process (PGlite, in process)", () => {
  let store: EventStore;
  let close: () => Promise<void>;
  let runner: ProjectionRunner;
  let sender: { stop(): Promise<void> };
  const projection = fulfillmentProjection();
  const start = () => {
    runner = startProjectionRunner(store, [projection], { pollIntervalMs: 20, takeoverIntervalMs: 20 });
    sender = startOutboxSender(store, { isLeader: () => runner.leading().includes("fulfillment"), pollIntervalMs: 20 });
  };
  const stop = async () => {
    await sender.stop();
    await runner.stop();
  };
  const orderStatus = async (orderId: string) => {
    const events = (await store.readStream(`order-${orderId}`)).map((e) => upcast(e) as OrderEvent);
    return fold(orderDecider, events);
  };
  const until = async (check: () => Promise<boolean>) => {
    for (let i = 0; i < 500; i++) if (await check()) return;
    else await new Promise((r) => setTimeout(r, 20));
    throw new Error("timed out");
  };

  beforeAll(async () => {
    const opened = await openTestDatabase("pglite", { migrations: [eventStoreMigrationSet, fulfillmentMigrationSet] });
    close = opened.close;
    store = createEventStore(opened.database);
    await seedDemo(store);
    start();
  });
  afterAll(async () => {
    await stop();
    await close();
  });

  it("confirms order 1001 from the article's story, naming its lines, and ships nothing itself (shipping is a service)", async () => {
    await until(async () => (await orderStatus("1001")).status === "confirmed");
    await until(async () => (await query(store.database.db, sql`select 1 from fulfillment_outbox`)).length === 0);
    const events = await store.readStream("order-1001");
    expect(events.map((e) => e.type)).toEqual(["OrderPlaced", "OrderConfirmed"]);
    expect(events[1]).toMatchObject({ schemaVersion: 2, data: { orderId: "1001", lines: [{ productId: "101", quantity: 2 }] } });
    const reserved = (await store.readStream("product-101")).filter((e) => e.type === "StockReserved");
    expect(reserved).toHaveLength(1);
    expect(reserved[0]!.metadata).toMatchObject({ actor: "system:fulfillment", commandId: "fulfillment:reserve:1001" });
  });

  it("rejects an order it cannot reserve stock for, with the reason", async () => {
    await executeShopCommand(store, { type: "AddProductToCart", data: { userId: "2", productId: "101", quantity: 99 } }, { now: now() });
    // Only 48 of product 101 are left after order 1001; the cart line exceeds them.
    await executeShopCommand(store, { type: "PlaceOrder", data: { userId: "2", orderId: "3001" } }, { now: now() });
    await until(async () => (await orderStatus("3001")).status === "rejected");
    const [rejected] = (await store.readStream("order-3001")).filter((e) => e.type === "OrderRejected");
    expect(String(rejected!.data.reason)).toMatch(/Not enough stock of product 101/);
  });

  it("releases the stock of an order cancelled after its confirmation (before it shipped)", async () => {
    await executeShopCommand(store, { type: "AddProductToCart", data: { userId: "2", productId: "102", quantity: 1 } }, { now: now() });
    await executeShopCommand(store, { type: "PlaceOrder", data: { userId: "2", orderId: "3002" } }, { now: now() });
    await until(async () => (await orderStatus("3002")).status === "confirmed");
    await executeShopCommand(store, { type: "CancelOrder", data: { orderId: "3002" } }, { now: now() });
    await until(async () => (await store.readStream("product-102")).some((e) => e.type === "StockReleased" && e.data.orderId === "3002"));
    expect((await store.readStream("order-3002")).map((e) => e.type)).toEqual(["OrderPlaced", "OrderConfirmed", "OrderCancelled"]);
  });

  it("changes nothing when its inputs are replayed from the start", async () => {
    const count = async () => Number((await query<{ n: string }>(store.database.db, sql`select count(*) as n from events`))[0]!.n);
    await until(async () => (await query(store.database.db, sql`select 1 from fulfillment_outbox`)).length === 0);
    const before = await count();
    await stop();
    await store.database.db.execute(sql`update projection_checkpoints set tx_id = '0', position = 0 where name = 'fulfillment'`);
    await store.database.db.execute(sql`delete from fulfillment_orders`);
    start();
    await until(async () => (await query<{ lag: string }>(store.database.db, sql`select 1 from projection_checkpoints
      where name = 'fulfillment' and position > 0`)).length === 1);
    await until(async () => (await query(store.database.db, sql`select 1 from fulfillment_outbox`)).length === 0);
    expect(await count()).toBe(before);
  });

  it("parks a command the domain refuses (a dead letter) and sends it again on retry, once the cause is fixed", async () => {
    const db = store.database.db;
    const command = { type: "AddProductToCart", data: { userId: "2", productId: "777", quantity: 1 } };
    await db.execute(sql`insert into fulfillment_outbox (command_id, command, metadata) values ('test:refused', ${JSON.stringify(command)}::jsonb, '{}'::jsonb)`);
    await until(async () => (await listParkedCommands(db)).some((p) => p.commandId === "test:refused"));
    const [parked] = await listParkedCommands(db);
    expect(parked).toMatchObject({ commandId: "test:refused", reason: "refused", attempts: 1, command });
    expect(parked!.lastError).toMatch(/777/);
    await executeShopCommand(store, { type: "ListProduct", data: { productId: "777", sku: "SKU-777", name: "Late", description: "", price: { amount: 100, currency: "EUR" } } }, { now: now() });
    await retryParkedCommand(db, "test:refused");
    await until(async () => (await query(db, sql`select 1 from fulfillment_outbox where command_id = 'test:refused'`)).length === 0);
    expect((await store.readStream("cart-2")).at(-1)).toMatchObject({ type: "ProductAddedToCart", data: { productId: "777" }, metadata: { commandId: "test:refused" } });
    await expect(retryParkedCommand(db, "test:refused")).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("parks a command that keeps failing after its attempts run out", async () => {
    const db = store.database.db;
    // Not a valid command: VALIDATION may pass (a fixed schema), so it is tried again, with backoff, up to 5 times.
    await db.execute(sql`insert into fulfillment_outbox (command_id, command, metadata) values ('test:attempts', '{"type":"ShipOrder","data":{}}'::jsonb, '{}'::jsonb)`);
    await until(async () => (await listParkedCommands(db)).some((p) => p.commandId === "test:attempts"));
    expect((await listParkedCommands(db)).find((p) => p.commandId === "test:attempts")).toMatchObject({ reason: "attempts", attempts: 5 });
  });
});
