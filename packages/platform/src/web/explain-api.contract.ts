import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { demoAccounts } from "@chronicle/api";
import { commandEventId } from "@chronicle/event-store";
import { waitFor } from "@chronicle/event-store/testing";
import type { Caller, WebHarness } from "../testing/web-harness.ts";

/** Explaining the log through the API, on whichever database `open` gives (PGlite, or Postgres with the worker inline). */
export function explainApiContract(open: () => Promise<{ harness: WebHarness; close(): Promise<void> }>): void {
  let h: WebHarness;
  let close: () => Promise<void>;
  let admin: Caller;
  // The seed's command ids are fixed, and so are the ids of the events they decide.
  const placed = commandEventId("story-3", "order-1001", 0);

  beforeAll(async () => {
    ({ harness: h, close } = await open());
    const account = demoAccounts.find((a) => a.role === "admin")!;
    admin = await h.caller(await h.signIn(account.email, account.password));
  });
  afterAll(async () => close?.());

  it("an order's event: its command on record, its decision replayed the same, exported as a spec", async () => {
    const recorded = await admin.admin.explain.command({ eventId: placed });
    expect(recorded).toMatchObject({ commandId: "story-3", command: { type: "PlaceOrder", data: { userId: "1", orderId: "1001" } } });
    expect(recorded.readVersions).toMatchObject({ "cart-1": 1, "order-1001": 0, "product-101": 2 });
    const replay = await admin.admin.explain.replay({ eventId: placed });
    expect(replay.same).toBe(true);
    expect(replay.streams.map((s) => s.streamId)).toEqual(["order-1001", "cart-1"]);
    const spec = await admin.admin.explain.exportDecision({ eventId: placed });
    expect(spec.fileName).toBe("order-1001-v1-OrderPlaced.test.ts");
    expect(spec.source).toContain("specification(orderDecider");
  });

  it("keeps a shopper's command without a command id, with the shopper as actor", async () => {
    const shopper = await h.caller(await h.signUp("Dora", `dora-${Date.now()}@example.com`));
    const me = await shopper.session.me();
    await shopper.cart.add({ productId: "102", quantity: 2 });
    const [added] = await h.runtime.platform.store.readStream(`cart-${me!.id}`);
    const recorded = await admin.admin.explain.command({ eventId: added!.eventId });
    expect(recorded.command).toMatchObject({ type: "AddProductToCart", metadata: { actor: `user:${me!.id}` } });
    expect(added!.metadata.commandId).toBe(recorded.commandId);
  });

  it("compares two chosen versions of a cart, and shows an operations stream with the generic fold", async () => {
    const compared = await admin.admin.timeTravel.compare({ streamId: "cart-1", from: 0, to: 2 });
    expect(compared).toMatchObject({ reducer: { kind: "shop" }, length: 2, from: { version: 0, state: { items: [] } }, to: { version: 2, state: { items: [] } } });
    expect(compared.changes).toEqual([]);
    await h.runtime.platform.store.append("projection-carts", [{ type: "ProjectionEventSkipped", data: { projection: "carts", eventId: placed } }]);
    const ops = await admin.admin.timeTravel.stream({ streamId: "projection-carts" });
    expect(ops).toMatchObject({ reducer: { kind: "generic" }, state: { events: 1, types: { ProjectionEventSkipped: { count: 1 } } } });
    await expect(admin.admin.explain.replay({ eventId: ops.event!.eventId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("replays the article's overview with progress, and the projections agree: Alice's order 1001, Bob's cart", async () => {
    const steps = [];
    for await (const step of await admin.admin.overview.replay()) steps.push(step);
    const done = steps.at(-1)!;
    expect(steps[0]).toMatchObject({ kind: "progress", done: 0 });
    if (done.kind !== "done") throw new Error("the replay did not finish");
    console.log(`[overview] ${h.runtime.platform.database.driver}: events=${done.events} steps=${steps.length} agree=${done.agree} fresh=${done.fresh} movedOn=${done.movedOn}`);
    expect(done).toMatchObject({ agree: true, fresh: true });
    expect(done.fromLog.orders["1"]).toEqual([expect.objectContaining({ orderId: "1001", lines: [expect.objectContaining({ productId: "101", quantity: 2 })] })]);
    expect(done.fromProjections.carts["2"]).toEqual([{ productId: "102", quantity: 1 }]);
  });

  it("lists a dead letter of the fulfillment outbox and sends it again on retry", async () => {
    const db = h.runtime.platform.database.db;
    const command = { type: "ConfirmOrder", data: { orderId: "no-such-order" } };
    await db.execute(sql`insert into fulfillment_outbox (command_id, command, metadata) values ('api:dead', ${JSON.stringify(command)}::jsonb, '{}'::jsonb)`);
    await waitFor(async () => (await admin.admin.ops.parked()).some((p) => p.commandId === "api:dead"));
    expect((await admin.admin.ops.parked()).find((p) => p.commandId === "api:dead")).toMatchObject({ reason: "refused", command });
    expect(await admin.admin.ops.retryParked({ commandId: "api:dead" })).toEqual({ retried: true });
    // Still refused (the order does not exist): it is parked again, after one more attempt.
    await waitFor(async () => (await admin.admin.ops.parked()).some((p) => p.commandId === "api:dead"));
    await expect(admin.admin.ops.retryParked({ commandId: "api:unknown" })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("names a transaction that holds readers back, and counts the events waiting for it (Postgres only)", async () => {
    const url = h.runtime.platform.env.DATABASE_URL;
    if (!url) {
      // PGlite is one connection: nothing can hold its readers back.
      expect(await admin.admin.ops.readHold()).toEqual({ waiting: 0, blockers: [] });
      return;
    }
    const holder = postgres(url, { max: 1, onnotice: () => {}, connection: { application_name: "api-held-by-test" } });
    try {
      const held = await holder.reserve();
      await held`begin`;
      await held`select pg_current_xact_id()`;
      const shopper = await h.caller(await h.signUp("Held", `held-${Date.now()}@example.com`));
      await shopper.cart.add({ productId: "101", quantity: 1 });
      const hold = await admin.admin.ops.readHold();
      const carts = (await admin.admin.projections.status()).find((p) => p.name === "carts")!;
      console.log(`[read-hold] api: waiting=${hold.waiting} carts.waiting=${carts.waiting} blockers=${hold.blockers.map((b) => `${b.pid} ${b.application}`).join(", ")}`);
      expect(hold.blockers).toEqual([expect.objectContaining({ application: "api-held-by-test", state: "idle in transaction" })]);
      expect(carts.waiting).toBeGreaterThanOrEqual(1);
      await held`rollback`;
      held.release();
      await waitFor(async () => (await admin.admin.ops.readHold()).waiting === 0);
    } finally {
      await holder.end();
    }
  });
}
