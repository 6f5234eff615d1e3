import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { query, type Database } from "../db/database.ts";
import { createEventStore, type EventStore } from "../store.ts";
import { openTestDatabase } from "../testing/index.ts";
import { countingProjection, createTestTables } from "../runner/test-projections.fixture.ts";
import { createCommandHandler } from "./handle-command.ts";
import { counterModel, incremented, readCounterEvent } from "./counter.fixture.ts";

describe("inline projections: read-your-writes in the appending transaction (PGlite)", () => {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  let failNext = false;
  const projection = countingProjection("inline_counts", { failOn: () => (failNext ? "Incremented" : undefined) });
  beforeAll(async () => {
    ({ database, close } = await openTestDatabase("pglite"));
    store = createEventStore(database);
    await createTestTables(database.db);
  });
  afterAll(async () => close());

  const handler = () => createCommandHandler(store, {
    streamTypes: { order: counterModel(), cart: counterModel() },
    read: readCounterEvent,
    inline: [projection],
  });
  const counted = async () => Number((await query<{ n: string }>(database.db, sql`select coalesce(sum(n), 0) as n from test_counts`))[0]!.n);
  const applied = async () => (await query<{ event_id: string }>(database.db, sql`select event_id::text from test_applied order by position`)).map((r) => r.event_id);

  it("the read model holds the command's events when the command returns, with their stored ids and positions", async () => {
    const result = await handler().handle({
      decide: (state) => (state("order-1"), [{ streamId: "order-1", events: [incremented(1), incremented(2)] }]),
    });
    expect(await counted()).toBe(2);
    const stored = await store.readStream("order-1");
    expect(await applied()).toEqual(stored.map((e) => e.eventId));
    expect(result.appended[0]!.positions).toEqual(stored.map((e) => e.position));
  });

  it("covers every stream of a multi-stream command, and a command id's repeat applies nothing", async () => {
    const h = handler();
    const command = {
      commandId: "inline-cmd-1",
      decide: (state: (id: "order-2" | "cart-2") => unknown) => (state("order-2"), state("cart-2"), [
        { streamId: "order-2", events: [incremented(1)] },
        { streamId: "cart-2", events: [incremented(1)] },
      ]),
    };
    await h.handle(command as never);
    const again = await h.handle(command as never);
    expect(again.duplicate).toBe(true);
    expect(await counted()).toBe(4);
  });

  it("a projection that fails rolls the command back: no events, no rows", async () => {
    failNext = true;
    const failed = await handler().handle({
      decide: (state) => (state("order-3"), [{ streamId: "order-3", events: [incremented(1)] }]),
    }).catch((e: unknown) => e);
    failNext = false;
    expect(String(failed)).toMatch(/cannot apply Incremented/);
    expect(await store.streamVersion("order-3")).toBe(0);
    expect(await counted()).toBe(4);
  });
});
