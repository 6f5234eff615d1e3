import { streamIds } from "@chronicle/domain";
import { createEventStore, type EventStore } from "@chronicle/event-store";
import { describeOnPostgres, openTestDatabase } from "@chronicle/event-store/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "./seed.ts";
import { createShopCommands, type ShopCommands } from "./shop-commands.ts";

const now = "2024-03-02T10:00:00.000Z";

describeOnPostgres("many commands on one stream at once, on real Postgres", () => {
  let store: EventStore;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTestDatabase("postgres", { poolSize: 20 });
    close = opened.close;
    store = createEventStore(opened.database);
    await seedDemo(store);
  });
  afterAll(async () => close());

  /** `clicks` adds of one product to one cart, spread over `processes` independent ShopCommands, all at once. */
  async function burst(userId: string, clicks: number, processes: ShopCommands[]) {
    await processes[0]!.execute({ type: "RegisterUser", data: { userId, name: "Busy Shopper", email: `${userId}@example.com` } }, { now });
    const results = await Promise.allSettled(Array.from({ length: clicks }, (_, i) =>
      processes[i % processes.length]!.execute({ type: "AddProductToCart", data: { userId, productId: "101", quantity: 1 } }, { now })));
    const failed = results.filter((r) => r.status === "rejected");
    const attempts = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.attempts] : []));
    const events = (await store.readStream(streamIds.cart(userId))).length;
    return { succeeded: clicks - failed.length, failed: failed.length, events, retries: attempts.reduce((n, a) => n + a - 1, 0), reasons: failed.map((f) => String((f as PromiseRejectedResult).reason)).slice(0, 3) };
  }

  it("50 parallel adds to one cart in one process: all 50 applied, in turn, without a conflict", async () => {
    const outcome = await burst("busy-one", 50, [createShopCommands(store)]);
    console.log(`[contention] processes=1 clicks=50 succeeded=${outcome.succeeded} failed=${outcome.failed} events=${outcome.events} retries=${outcome.retries}`);
    expect(outcome).toMatchObject({ succeeded: 50, failed: 0, events: 50, retries: 0 });
  });

  it("50 parallel adds to one cart from two processes: all applied, the collisions resolved by jittered retries", async () => {
    const outcome = await burst("busy-two", 50, [createShopCommands(store), createShopCommands(store)]);
    console.log(`[contention] processes=2 clicks=50 succeeded=${outcome.succeeded} failed=${outcome.failed} events=${outcome.events} retries=${outcome.retries}`);
    expect(outcome).toMatchObject({ succeeded: 50, failed: 0, events: 50 });
  });
});
