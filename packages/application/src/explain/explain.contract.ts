import { DomainError, routeCommand, type ShopEvent } from "@chronicle/domain";
import { auditLog, createEventStore, type EventStore, type StoredEvent } from "@chronicle/event-store";
import { openTestDatabase, type TestDriver } from "@chronicle/event-store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executeShopCommand } from "../execute-command.ts";
import { seedDemo } from "../seed.ts";
import { compareVersions, exportSliceSpec, replayDecision, replayOverview, streamAtVersion, type OverviewReplayStep } from "./index.ts";

/** Replaying recorded decisions, comparing versions and replaying the overview, on one driver. */
export function explainContract(driver: TestDriver): void {
  let store: EventStore;
  let close: () => Promise<void>;
  const eventOf = async (streamId: string, type: string): Promise<StoredEvent> =>
    (await store.readStream(streamId)).find((e) => e.type === type)!;

  beforeAll(async () => {
    const opened = await openTestDatabase(driver);
    close = opened.close;
    store = createEventStore(opened.database);
    await seedDemo(store);
    // An operations stream, appended directly (no command): no shop reducer, no command on record.
    await store.append("projection-orders", [{ type: "ProjectionEventSkipped", data: { projection: "orders" } }]);
  });
  afterAll(async () => close());

  describe("every command is on record", () => {
    it("an event names its command, with or without a caller's command id", async () => {
      const seeded = await eventOf("order-1001", "OrderPlaced");
      expect(seeded.metadata.commandId).toBe("story-3");
      const result = await executeShopCommand(store, { type: "AddProductToCart", data: { userId: "2", productId: "101", quantity: 1 } }, { now: "2024-03-02T10:00:00.000Z", actor: "user:2" });
      expect(result.commandId).toMatch(/^[0-9a-f-]{36}$/);
      const [added] = await store.readStream("cart-2", { from: 2, limit: 1 });
      expect(added!.metadata.commandId).toBe(result.commandId);
      const replay = await replayDecision(store, added!.eventId);
      expect(replay.command).toEqual({
        type: "AddProductToCart",
        data: { userId: "2", productId: "101", quantity: 1 },
        metadata: { now: "2024-03-02T10:00:00.000Z", actor: "user:2" },
      });
    });
  });

  describe("replaying a decision", () => {
    it("decides the same events for an unchanged decider, on the streams at the versions it read", async () => {
      const placed = await eventOf("order-1001", "OrderPlaced");
      const replay = await replayDecision(store, placed.eventId);
      expect(replay.same).toBe(true);
      expect(replay.streams.map((s) => [s.streamId, s.same, s.then.map((e) => e.type)])).toEqual([
        ["order-1001", true, ["OrderPlaced"]],
        ["cart-1", true, ["CartCheckedOut"]],
      ]);
      expect(replay.read).toEqual(expect.arrayContaining([
        { streamId: "order-1001", version: 0, recorded: true },
        { streamId: "cart-1", version: 1, recorded: true },
        { streamId: "product-101", version: 2, recorded: true },
      ]));
      console.log(`[explain:${driver}] replay of ${placed.type} (command ${replay.commandId}): streams=${replay.streams.length} same=${replay.same}`);
    });

    it("shows the difference when today's decider decides otherwise", async () => {
      const added = await eventOf("cart-1", "ProductAddedToCart");
      // A decider change on purpose: one more of everything added to a cart.
      const generous: typeof routeCommand = (states, command, metadata) => routeCommand(states, command, metadata).map(({ streamId, events }) => ({
        streamId,
        events: events.map((e): ShopEvent => (e.type === "ProductAddedToCart" ? { ...e, data: { ...e.data, quantity: e.data.quantity + 1 } } : e)),
      }));
      const replay = await replayDecision(store, added.eventId, { route: generous });
      expect(replay.same).toBe(false);
      expect(replay.streams).toEqual([expect.objectContaining({ streamId: "cart-1", same: false, changes: [{ path: "0.data.quantity", before: 2, after: 3 }] })]);
      console.log(`[explain:${driver}] replay with a changed decider: same=${replay.same} changes=${JSON.stringify(replay.streams[0]!.changes)}`);
    });

    it("reports a refusal by today's decider, and NOT_FOUND for an event with no command on record", async () => {
      const added = await eventOf("cart-1", "ProductAddedToCart");
      const strict: typeof routeCommand = () => { throw new DomainError("ILLEGAL_STATE", "no more carts"); };
      const refused = await replayDecision(store, added.eventId, { route: strict });
      expect(refused).toMatchObject({ same: false, refused: { code: "ILLEGAL_STATE", message: "no more carts" } });
      expect(refused.streams[0]).toMatchObject({ streamId: "cart-1", now: [], same: false });
      const [direct] = await store.readStream("projection-orders");
      await expect(replayDecision(store, direct!.eventId)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("time travel over any stream", () => {
    it("compares any two versions of a shop stream through its decider", async () => {
      const view = await compareVersions(store, "cart-1", 1, 2);
      expect(view).toMatchObject({ reducer: { kind: "shop" }, from: { state: { items: [{ productId: "101", quantity: 2 }] } }, to: { state: { items: [] } } });
      expect(view.changes).toEqual([{ path: "items.0", before: { productId: "101", quantity: 2 }, after: undefined }]);
      await expect(compareVersions(store, "cart-1", 0, 9)).rejects.toMatchObject({ code: "VALIDATION" });
    });

    it("folds a stream without a shop reducer generically, and says so", async () => {
      const view = await streamAtVersion(store, "projection-orders");
      expect(view.reducer.kind).toBe("generic");
      expect(view.reducer.note).toMatch(/no reducer for projection streams/);
      expect(view.state).toEqual({ events: 1, types: { ProjectionEventSkipped: { count: 1, latest: { projection: "orders" } } } });
      const compared = await compareVersions(store, "projection-orders", 0, 1);
      expect(compared.changes.map((c) => c.path)).toEqual(["events", "types.ProjectionEventSkipped"]);
    });

    it("exports only shop streams and valid slices as reducer tests", async () => {
      await expect(exportSliceSpec(store, "projection-orders", 1, 1)).rejects.toMatchObject({ code: "VALIDATION" });
      await expect(exportSliceSpec(store, "cart-1", 2, 1)).rejects.toMatchObject({ code: "VALIDATION" });
      const spec = await exportSliceSpec(store, "cart-1", 2, 2);
      expect(spec.fileName).toBe("cart-1-v2-to-v2.test.ts");
      expect(spec.source).toContain("reducerSpecification(cartDecider)");
    });
  });

  describe("the article's overview, replayed with progress", () => {
    it("counts up to every shop event of the log and ends with Alice's order 1001 and Bob's cart", async () => {
      const steps: OverviewReplayStep[] = [];
      for await (const step of replayOverview(store, { batchSize: 5 })) steps.push(step);
      const progress = steps.filter((s) => s.kind === "progress");
      const done = steps.at(-1)!;
      expect(done.kind).toBe("done");
      if (done.kind !== "done") return;
      const total = progress[0]!.total;
      expect(progress.map((p) => p.done)).toEqual([...progress.map((p) => p.done)].sort((a, b) => a - b));
      expect(progress.at(-1)).toEqual({ kind: "progress", done: total, total });
      expect(done.events).toBe(total);
      expect(done.overview.orders["1"]).toEqual([expect.objectContaining({ orderId: "1001", lines: [expect.objectContaining({ productId: "101", quantity: 2 })] })]);
      expect(done.overview.carts["2"]).toEqual(expect.arrayContaining([{ productId: "102", quantity: 1 }]));
      const page = await auditLog(store, {}, null, 200);
      expect(total).toBe(page.events.filter((e) => !e.streamId.startsWith("projection-")).length);
      console.log(`[explain:${driver}] overview replay: events=${total} progress steps=${progress.length}`);
    });
  });
}
