import { demoSeed, fold, isDomainError, overviewReducer, shopStreamReducers, streamIds, upcast, type Reducer, type ShopEvent, type StreamType } from "@chronicle/domain";
import { InMemoryShop } from "@chronicle/domain/testing";
import { compareCheckpoints, createEventStore, snapshots, type Checkpoint, type EventStore } from "@chronicle/event-store";
import { openTestDatabase, type TestDriver } from "@chronicle/event-store/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { executeShopCommand } from "./execute-command.ts";
import { createShopCommands } from "./shop-commands.ts";
import { replay } from "./replay.ts";
import { seedDemo } from "./seed.ts";

const now = "2024-03-02T10:00:00.000Z";

/** The shop on the real store must decide exactly what the in-memory reference shop decides. */
export function shopContract(driver: TestDriver): void {
  let store: EventStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTestDatabase(driver);
    close = opened.close;
    store = createEventStore(opened.database);
  });
  afterAll(async () => close());

  /**
   * Readers see a commit only once every older transaction in the cluster has ended (the event store's ordering
   * rule), and other test files write on the same server: wait for our own writes, as the UI does.
   */
  const caughtUp = async (checkpoint: Checkpoint | undefined) => {
    for (let tries = 0; checkpoint && compareCheckpoints(await store.headCheckpoint(), checkpoint) < 0; tries++) {
      if (tries > 1000) throw new Error(`checkpoint ${checkpoint.txId}/${checkpoint.position} still not visible to readers`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  };
  let lastWrite: Checkpoint | undefined;

  it("seeds the demo once and replays the article's story from the log", async () => {
    const report = await seedDemo(store);
    expect(report.seeded).toBe(true);
    expect(await seedDemo(store)).toMatchObject({ seeded: false });
    await caughtUp(report.checkpoint);
    const reference = new InMemoryShop().run(demoSeed);
    const stored = [];
    for await (const event of store.readAll()) stored.push({ streamId: event.streamId, version: event.streamVersion, type: event.type, data: event.data });
    expect(stored).toEqual(reference.log().map((r) => ({ streamId: r.streamId, version: r.version, type: r.event.type, data: r.event.data })));
    const overview = await replay(store, overviewReducer);
    expect(overview.users.map((u) => u.name)).toEqual(["Alice", "Bob"]);
    expect(overview.carts["1"]).toEqual([]);
    expect(overview.carts["2"]).toEqual([{ productId: "102", quantity: 1 }]);
    expect(overview.orders["1"]!.map((o) => [o.orderId, o.lines.map((l) => [l.productId, l.quantity])])).toEqual([["1001", [["101", 2]]]]);
  });

  it("records correlation, causation and actor on every event of a command", async () => {
    ({ checkpoint: lastWrite } = await executeShopCommand(store, { type: "AddProductToCart", data: { userId: "2", productId: "101", quantity: 1 } },
      { now, commandId: "cmd-42", correlationId: "req-7", actor: "user:2" }));
    const [last] = await store.readStream(streamIds.cart("2"), { direction: "backward", limit: 1 });
    expect(last!.metadata).toMatchObject({ commandId: "cmd-42", correlationId: "req-7", causationId: "cmd-42", actor: "user:2", commandType: "AddProductToCart" });
  });

  it("replays the shop's history past the platform's own events (a projection's skipped event)", async () => {
    await caughtUp(lastWrite);
    const before = await replay(store, overviewReducer);
    const skipped = await store.append("projection-orders", [{ type: "ProjectionEventSkipped", data: { projection: "orders", eventId: "00000000-0000-4000-8000-000000000000" } }]);
    await caughtUp(skipped.checkpoint);
    expect(await replay(store, overviewReducer)).toEqual(before);
  });

  it("rejects an invalid command with a typed error and writes nothing", async () => {
    await caughtUp(lastWrite);
    const head = await store.headCheckpoint();
    const bad = await executeShopCommand(store, { type: "AddProductToCart", data: { userId: "2", productId: "101", quantity: 0 } }, { now })
      .catch((e: unknown) => e);
    expect(isDomainError(bad, "VALIDATION")).toBe(true);
    const missing = await executeShopCommand(store, { type: "AddProductToCart", data: { userId: "2", productId: "999", quantity: 1 } }, { now })
      .catch((e: unknown) => e);
    expect(isDomainError(missing)).toBe(true);
    expect(await store.headCheckpoint()).toEqual(head);
  });

  it("places an order and empties the cart in one atomic step", async () => {
    const result = await executeShopCommand(store, { type: "PlaceOrder", data: { userId: "2", orderId: "2001" } }, { now });
    expect(result.appended.map((r) => r.streamId).sort()).toEqual([streamIds.cart("2"), streamIds.order("2001")].sort());
    await caughtUp(result.checkpoint);
    const overview = await replay(store, overviewReducer);
    expect(overview.carts["2"]).toEqual([]);
    expect(overview.orders["2"]!.map((o) => o.orderId)).toEqual(["2001"]);
    const again = await executeShopCommand(store, { type: "PlaceOrder", data: { userId: "2", orderId: "2002" } }, { now }).catch((e: unknown) => e);
    expect(isDomainError(again)).toBe(true); // the cart is empty now
  });

  it("the same command id sent twice: one order placed, the first outcome returned", async () => {
    await executeShopCommand(store, { type: "AddProductToCart", data: { userId: "1", productId: "102", quantity: 3 } }, { now });
    const placeOrder = () => executeShopCommand(store, { type: "PlaceOrder", data: { userId: "1", orderId: "1002" } }, { now, commandId: "place-1002" });
    const first = await placeOrder();
    const second = await placeOrder();
    expect(second).toMatchObject({ duplicate: true, appended: first.appended, checkpoint: first.checkpoint });
    const orderEvents = await store.readStream(streamIds.order("1002"));
    expect(orderEvents.map((e) => e.type)).toEqual(["OrderPlaced"]);
    expect((await store.readStream(streamIds.cart("1"))).filter((e) => e.type === "CartCheckedOut")).toHaveLength(2);
  });

  it("decides the same from snapshots, and every snapshot equals its stream folded from the log", async () => {
    const everyEvent = createShopCommands(store, { snapshotEvery: { user: 1, product: 1, cart: 1, order: 1 } });
    const run = async (command: unknown) => {
      const result = await everyEvent.execute(command, { now });
      await everyEvent.idle();
      return result;
    };
    await run({ type: "RegisterUser", data: { userId: "3", name: "Carol", email: "carol@example.com" } });
    await run({ type: "ReceiveStock", data: { productId: "101", quantity: 5 } });
    for (const [productId, quantity] of [["101", 1], ["102", 2], ["101", 2]] as const) {
      await run({ type: "AddProductToCart", data: { userId: "3", productId, quantity } });
    }
    await run({ type: "RemoveProductFromCart", data: { userId: "3", productId: "102" } });
    await caughtUp((await run({ type: "PlaceOrder", data: { userId: "3", orderId: "3001" } })).checkpoint);
    const overview = await replay(store, overviewReducer);
    expect(overview.orders["3"]!.map((o) => [o.orderId, o.lines.map((l) => [l.productId, l.quantity])])).toEqual([["3001", [["101", 3]]]]);

    const rows = await store.database.db.select().from(snapshots);
    expect(new Set(rows.map((r) => r.streamType))).toEqual(new Set(["user", "product", "cart", "order"]));
    for (const row of rows) {
      const events = (await store.readStream(row.streamId)).filter((e) => e.streamVersion <= row.version);
      const reducer: Reducer<unknown, ShopEvent> = shopStreamReducers[row.streamType as StreamType];
      const folded = fold(reducer, events.map((e) => upcast({ type: e.type, schemaVersion: e.schemaVersion, data: e.data })));
      expect({ stream: row.streamId, state: row.state }).toEqual({ stream: row.streamId, state: folded });
    }
  });
}
