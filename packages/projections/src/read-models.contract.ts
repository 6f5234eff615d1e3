import { demoSeed, type ScheduledCommand } from "@chronicle/domain";
import { commandSequenceArb } from "@chronicle/domain/testing";
import { createEventStore, eventStoreMigrationSet, type Database, type EventStore } from "@chronicle/event-store";
import { openTestDatabase, type TestDriver } from "@chronicle/event-store/testing";
import fc from "fast-check";
import { afterAll, beforeAll, expect, it } from "vitest";
import { projectionsMigrationSet } from "./migrations.ts";
import { getCart } from "./queries/get-cart.ts";
import { listAdminOrders } from "./queries/list-admin-orders.ts";
import { listCatalog } from "./queries/list-catalog.ts";
import { listOrdersOfCustomer } from "./queries/list-orders-of-customer.ts";
import { salesPerDay } from "./queries/sales-per-day.ts";
import { allTables, applyInBatches, createCopies, differingRows, dropCopies, truncateReadModels } from "./test-support/apply.fixture.ts";
import { expectProvenanceToExplainRows, expectReadModelsToMatchReducers } from "./test-support/expect-read-models.fixture.ts";
import { appendShopHistory } from "./test-support/shop-log.fixture.ts";

const BATCH_SIZES = [1, 7, 500] as const;

/**
 * The domain's random sequences use three order ids; one to four rounds of them, each round with its own order
 * ids, give the admin list several pages and sales several days, on the same users, products and carts.
 */
const historyArb = fc.array(commandSequenceArb(200), { minLength: 1, maxLength: 4 }).map((rounds) =>
  rounds.flatMap((round, index) => round.map((scheduled) => (index === 0 ? scheduled : withOrderIdsOfRound(scheduled, index)))),
);

function withOrderIdsOfRound(scheduled: ScheduledCommand, round: number): ScheduledCommand {
  const { data } = scheduled.command as { data: object };
  if (!("orderId" in data) || typeof data.orderId !== "string") return scheduled;
  const command = { ...scheduled.command, data: { ...data, orderId: `${data.orderId}-r${round}` } } as ScheduledCommand["command"];
  return { ...scheduled, command };
}

/** The story, then fulfillment confirms 1001, Bob orders 1002 the next day and cancels it (as the domain's tests). */
const afterTheStory: readonly ScheduledCommand[] = [
  ...demoSeed,
  { command: { type: "ReserveStock", data: { orderId: "1001", lines: [{ productId: "101", quantity: 2 }] } }, metadata: { now: "2024-03-01T09:10:01.000Z" } },
  { command: { type: "ConfirmOrder", data: { orderId: "1001" } }, metadata: { now: "2024-03-01T09:10:02.000Z" } },
  { command: { type: "ChangePrice", data: { productId: "102", price: { amount: 2000, currency: "EUR" } } }, metadata: { now: "2024-03-02T08:00:00.000Z" } },
  { command: { type: "PlaceOrder", data: { userId: "2", orderId: "1002" } }, metadata: { now: "2024-03-02T10:00:00.000Z" } },
  { command: { type: "CancelOrder", data: { orderId: "1002" } }, metadata: { now: "2024-03-02T10:05:00.000Z" } },
  { command: { type: "DelistProduct", data: { productId: "105" } }, metadata: { now: "2024-03-02T11:00:00.000Z" } },
];

/**
 * The read-model tables must say exactly what the domain's pure reducers say about the same log, whatever the
 * batch sizes, and every row must be explained by its provenance.
 */
export function readModelsContract(driver: TestDriver, runs: number): void {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTestDatabase(driver, { migrations: [eventStoreMigrationSet, projectionsMigrationSet] });
    ({ database, close } = opened);
    store = createEventStore(database);
  });
  afterAll(async () => close());

  it("tells the article's story: catalog, carts, orders, sales, with each row's last event", async () => {
    await truncateReadModels(database);
    const { stored, events } = await appendShopHistory(store, afterTheStory, new Set(["2"]));
    await applyInBatches(database, stored, 7);
    await expectReadModelsToMatchReducers(database.db, events);

    const storefront = await listCatalog(database.db);
    expect(storefront.map((item) => [item.productId, item.availableStock, item.price.amount])).toEqual([
      ["103", 100, 899], ["104", 40, 1500], ["101", 48, 1200], ["102", 30, 2000],
    ]);
    expect((await getCart(database.db, "2")).items).toEqual([]);
    const aliceCart = await getCart(database.db, "1");
    expect(stored.find((event) => event.eventId === aliceCart.provenance?.eventId)?.type).toBe("CartCheckedOut");
    expect((await listOrdersOfCustomer(database.db, "1")).map((order) => [order.orderId, order.status])).toEqual([["1001", "confirmed"]]);
    const firstPage = await listAdminOrders(database.db, { limit: 1 });
    expect(firstPage.orders.map((order) => order.orderId)).toEqual(["1002"]);
    const secondPage = await listAdminOrders(database.db, { limit: 1, before: firstPage.next! });
    expect([secondPage.orders.map((order) => order.orderId), secondPage.next]).toEqual([["1001"], null]);
    expect((await salesPerDay(database.db, { from: "2024-03-01", to: "2024-03-31" })).map(({ provenance: _, ...day }) => day)).toEqual([
      { day: "2024-03-01", orders: 1, revenue: { EUR: 2400 } },
      { day: "2024-03-02", orders: 0, revenue: { EUR: 0 } },
    ]);
  });

  it(`random histories (demo seed + random commands, ${runs} runs): equal to the reducers with batches of 1, 7 and 500`, async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(historyArb, async (sequence) => {
        run += 1;
        await truncateReadModels(database);
        // User 3 registers under the old schema (v1) in every run: the projections read it upcast.
        const { stored, events } = await appendShopHistory(store, [...demoSeed, ...sequence], new Set(["3"]));
        // One batch size writes the live tables (checked through the queries), the others write copies, as a
        // rebuild does (checked row for row, provenance included, against the live ones).
        const live = BATCH_SIZES[run % BATCH_SIZES.length]!;
        await applyInBatches(database, stored, live);
        for (const size of BATCH_SIZES.filter((size) => size !== live)) {
          const suffix = `__batch_${size}`;
          await createCopies(database, suffix);
          await applyInBatches(database, stored, size, (base) => `${base}${suffix}`);
          for (const table of allTables) expect(await differingRows(database, table, `${table}${suffix}`), `${table}, batches of ${size} vs ${live}`).toBe(0);
          await dropCopies(database, suffix);
        }
        await expectReadModelsToMatchReducers(database.db, events);
        await expectProvenanceToExplainRows(database.db, stored, events);
      }),
      // Shrinking replays each candidate through the database (minutes): report the first failure, with the seed
      // and path that replay it, instead.
      { numRuns: runs, endOnFailure: true },
    );
  });
}
