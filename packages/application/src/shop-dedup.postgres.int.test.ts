import { isDeepStrictEqual } from "node:util";
import { streamIds } from "@chronicle/domain";
import { createEventStore, type EventStore } from "@chronicle/event-store";
import { describeOnPostgres, openTestDatabase } from "@chronicle/event-store/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "./seed.ts";
import { createShopCommands } from "./shop-commands.ts";

const SENDERS = 20;
const ROUNDS = 10;
const now = "2024-03-02T10:00:00.000Z";

describeOnPostgres("a shop command id sent concurrently, on real Postgres", () => {
  let store: EventStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTestDatabase("postgres", { poolSize: SENDERS });
    close = opened.close;
    store = createEventStore(opened.database);
    await seedDemo(store);
  });
  afterAll(async () => close());

  it("20 concurrent PlaceOrder with one command id: one order, one checkout, every caller gets the same outcome", async () => {
    let orders = 0;
    let checkouts = 0;
    let sameOutcome = 0;
    let errors = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const userId = `race${round}`;
      const setup = createShopCommands(store);
      await setup.execute({ type: "RegisterUser", data: { userId, name: "Racer", email: `${userId}@example.com` } }, { now });
      await setup.execute({ type: "AddProductToCart", data: { userId, productId: "101", quantity: 1 } }, { now });
      // Each sender is its own ShopCommands, as separate processes would be; the losers that load after the winner
      // see an empty cart and an existing order, and must still answer with the winner's outcome.
      const results = await Promise.allSettled(Array.from({ length: SENDERS }, () =>
        createShopCommands(store).execute({ type: "PlaceOrder", data: { userId, orderId: `9${round}` } }, { now, commandId: `place-race-${round}` })));
      const fulfilled = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      errors += results.length - fulfilled.length;
      const first = fulfilled.find((r) => !r.duplicate);
      sameOutcome += fulfilled.filter((r) => first && isDeepStrictEqual([r.appended, r.checkpoint], [first.appended, first.checkpoint])).length;
      orders += (await store.readStream(streamIds.order(`9${round}`))).filter((e) => e.type === "OrderPlaced").length;
      checkouts += (await store.readStream(streamIds.cart(userId))).filter((e) => e.type === "CartCheckedOut").length;
    }
    console.log(`[command-dedup] scenario=shop-place-order senders=${SENDERS} rounds=${ROUNDS} orders=${orders} checkouts=${checkouts} ` +
      `expected=${ROUNDS} duplicates=${orders + checkouts - 2 * ROUNDS} sameOutcome=${sameOutcome}/${SENDERS * ROUNDS} errors=${errors}`);
    expect({ orders, checkouts, sameOutcome, errors }).toEqual({ orders: ROUNDS, checkouts: ROUNDS, sameOutcome: SENDERS * ROUNDS, errors: 0 });
  });
});
