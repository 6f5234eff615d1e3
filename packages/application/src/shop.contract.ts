import { demoSeed, isDomainError, overviewReducer, streamIds } from "@chronicle/domain";
import { InMemoryShop } from "@chronicle/domain/testing";
import { createEventStore, type EventStore } from "@chronicle/event-store";
import { openTestDatabase, type TestDriver } from "@chronicle/event-store/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { executeShopCommand } from "./execute-command.ts";
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

  it("seeds the demo once and replays the article's story from the log", async () => {
    const report = await seedDemo(store);
    expect(report.seeded).toBe(true);
    expect(await seedDemo(store)).toMatchObject({ seeded: false });
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
    await executeShopCommand(store, { type: "AddProductToCart", data: { userId: "2", productId: "101", quantity: 1 } },
      { now, commandId: "cmd-42", correlationId: "req-7", actor: "user:2" });
    const [last] = await store.readStream(streamIds.cart("2"), { direction: "backward", limit: 1 });
    expect(last!.metadata).toMatchObject({ commandId: "cmd-42", correlationId: "req-7", causationId: "cmd-42", actor: "user:2", commandType: "AddProductToCart" });
  });

  it("rejects an invalid command with a typed error and writes nothing", async () => {
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
    const overview = await replay(store, overviewReducer);
    expect(overview.carts["2"]).toEqual([]);
    expect(overview.orders["2"]!.map((o) => o.orderId)).toEqual(["2001"]);
    const again = await executeShopCommand(store, { type: "PlaceOrder", data: { userId: "2", orderId: "2002" } }, { now }).catch((e: unknown) => e);
    expect(isDomainError(again)).toBe(true); // the cart is empty now
  });
}
