import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventStore, type EventStore } from "./store.ts";
import { query, type Database } from "./db/database.ts";
import { openTestDatabase, waitFor, type TestDriver } from "./testing/index.ts";
import { ConcurrencyError, DuplicateEventError, EventTooLargeError, ValidationError, type EventStoreError } from "./errors.ts";
import { START, checkpointOf, compareCheckpoints } from "./checkpoint.ts";
import type { StoredEvent } from "./types.ts";

/** The behaviour every driver must have. Run by one test file per driver. */
export function eventStoreContract(driver: TestDriver): void {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  let n = 0;
  const stream = (type = "order") => `${type}-${driver}${++n}`;
  const countEvents = async () => Number((await query<{ c: string }>(database.db, sql`select count(*) as c from events`))[0]!.c);

  beforeAll(async () => {
    ({ database, close } = await openTestDatabase(driver));
    store = createEventStore(database, { maxEventBytes: 4096 });
  });
  afterAll(async () => close());

  describe("append", () => {
    it("numbers a new stream's events from 1 and returns their positions and a checkpoint", async () => {
      const id = stream();
      const result = await store.append(id, [
        { type: "OrderPlaced", data: { total: 10 } },
        { type: "OrderConfirmed", data: {} },
      ]);
      expect(result.nextExpectedVersion).toBe(2);
      expect(result.positions).toHaveLength(2);
      expect(result.positions[1]).toBeGreaterThan(result.positions[0]!);
      expect(result.checkpoint.position).toBe(result.positions[1]);
      expect(result.idempotent).toBe(false);
      const stored = await store.readStream(id);
      expect(stored.map((e) => [e.streamVersion, e.type, e.streamType])).toEqual([
        [1, "OrderPlaced", "order"],
        [2, "OrderConfirmed", "order"],
      ]);
      expect(await store.streamVersion(id)).toBe(2);
    });

    it("keeps type, schema version, data, metadata and the database time", async () => {
      const id = stream("user");
      const eventId = randomUUID();
      const metadata = { correlationId: "c-1", causationId: "cmd-1", actor: "user-1", ip: "127.0.0.1" };
      await store.append(id, [{ type: "UserRegistered", schemaVersion: 2, eventId, data: { name: "Alice", tags: ["a"], n: 1.5 }, metadata }]);
      const [event] = await store.readStream(id);
      expect(event).toMatchObject({ eventId, type: "UserRegistered", schemaVersion: 2, data: { name: "Alice", tags: ["a"], n: 1.5 }, metadata });
      expect(Math.abs(Date.parse(event!.recordedAt) - Date.now())).toBeLessThan(60_000);
    });

    it("checks every kind of expected version and reports expected and actual on a conflict", async () => {
      const id = stream();
      const ev = () => [{ type: "Happened", data: {} }];
      await expect(store.append(id, ev(), { expectedVersion: "stream_exists" })).rejects.toMatchObject({ code: "CONCURRENCY", actual: 0, expected: "stream_exists" });
      await expect(store.append(id, ev(), { expectedVersion: 1 })).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await store.append(id, ev(), { expectedVersion: "no_stream" })).nextExpectedVersion).toBe(1);
      await expect(store.append(id, ev(), { expectedVersion: "no_stream" })).rejects.toMatchObject({ actual: 1 });
      await expect(store.append(id, ev(), { expectedVersion: 0 })).rejects.toMatchObject({ actual: 1 });
      expect((await store.append(id, ev(), { expectedVersion: 1 })).nextExpectedVersion).toBe(2);
      await expect(store.append(id, ev(), { expectedVersion: 1 })).rejects.toMatchObject({ streamId: id, expected: "1", actual: 2 });
      expect((await store.append(id, ev(), { expectedVersion: "stream_exists" })).nextExpectedVersion).toBe(3);
      expect((await store.append(id, ev(), { expectedVersion: "any" })).nextExpectedVersion).toBe(4);
      expect((await store.append(stream(), ev(), { expectedVersion: 0 })).nextExpectedVersion).toBe(1);
      expect(await store.streamVersion(id)).toBe(4);
    });

    it("answers a retry of stored event ids with the original result and stores nothing", async () => {
      const id = stream();
      const batch = [
        { type: "A", eventId: randomUUID(), data: { x: 1, y: { z: [1, 2] } } },
        { type: "B", eventId: randomUUID(), data: {} },
      ];
      const first = await store.append(id, batch, { expectedVersion: "no_stream" });
      const before = await countEvents();
      // Same version check (now stale), and with "any": both are retries, not conflicts.
      const again = await store.append(id, batch, { expectedVersion: "no_stream" });
      const reordered = { ...batch[0]!, data: { y: { z: [1, 2] }, x: 1 } };
      const anyAgain = await store.append(id, [reordered, batch[1]!], { expectedVersion: "any", });
      expect(again).toEqual({ ...first, idempotent: true });
      expect(anyAgain).toEqual({ ...first, idempotent: true });
      expect(await countEvents()).toBe(before);
    });

    it("answers a retry inside a transaction too, without aborting it", async () => {
      const id = stream();
      const batch = [{ type: "A", eventId: randomUUID(), data: { x: 1 } }];
      const first = await store.append(id, batch);
      const inside = await store.transaction(async (tx) => {
        const again = await tx.append(id, batch, { expectedVersion: "no_stream" });
        await tx.append(id, [{ type: "After", data: {} }], { expectedVersion: 1 });
        return again;
      });
      expect(inside).toEqual({ ...first, idempotent: true });
      expect(await store.streamVersion(id)).toBe(2);
    });

    it("names events it is not given an id for with time-ordered UUIDs (v7)", async () => {
      const id = stream();
      await store.append(id, [{ type: "A", data: {} }, { type: "B", data: {} }]);
      const ids = (await store.readStream(id)).map((e) => e.eventId);
      for (const eventId of ids) expect(eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(new Set(ids).size).toBe(2);
    });

    it("refuses a stored event id with other content, or a batch only partly stored", async () => {
      const id = stream();
      const eventId = randomUUID();
      await store.append(id, [{ type: "A", eventId, data: { x: 1 } }]);
      const before = await countEvents();
      await expect(store.append(id, [{ type: "A", eventId, data: { x: 2 } }])).rejects.toBeInstanceOf(DuplicateEventError);
      await expect(store.append(stream(), [{ type: "A", eventId, data: { x: 1 } }])).rejects.toMatchObject({ code: "DUPLICATE_EVENT" });
      await expect(store.append(id, [{ type: "A", eventId, data: { x: 1 } }, { type: "B", data: {} }])).rejects.toMatchObject({ code: "DUPLICATE_EVENT" });
      expect(await countEvents()).toBe(before);
      expect(await store.streamVersion(id)).toBe(1);
    });

    it("rejects bad input with a typed error before anything is written", async () => {
      const id = stream();
      await store.append(id, [{ type: "Seed", data: {} }]);
      const before = await countEvents();
      const bad: [string, () => Promise<unknown>, string][] = [
        ["empty stream id", () => store.append("", [{ type: "A", data: {} }]), "streamId"],
        ["stream id without a type", () => store.append("1001", [{ type: "A", data: {} }]), "streamId"],
        ["stream id with spaces", () => store.append("order-10 01", [{ type: "A", data: {} }]), "streamId"],
        ["empty batch", () => store.append(id, []), "events"],
        ["not an array", () => store.append(id, {} as never), "events"],
        ["array data", () => store.append(id, [{ type: "A", data: [1] as never }]), "events[0].data"],
        ["null data", () => store.append(id, [{ type: "A", data: null as never }]), "events[0].data"],
        ["string data", () => store.append(id, [{ type: "A", data: "x" as never }]), "events[0].data"],
        ["Date inside data", () => store.append(id, [{ type: "A", data: { at: new Date() } }]), "events[0].data.at"],
        ["NaN inside data", () => store.append(id, [{ type: "A", data: { n: Number.NaN } }]), "events[0].data.n"],
        ["undefined inside data", () => store.append(id, [{ type: "A", data: { u: undefined } }]), "events[0].data.u"],
        ["NUL in a string", () => store.append(id, [{ type: "A", data: { s: "a\u0000b" } }]), "events[0].data.s"],
        ["empty type", () => store.append(id, [{ type: "", data: {} }]), "events[0].type"],
        ["bad schema version", () => store.append(id, [{ type: "A", schemaVersion: 0, data: {} }]), "events[0].schemaVersion"],
        ["bad event id", () => store.append(id, [{ type: "A", eventId: "nope", data: {} }]), "events[0].eventId"],
        ["bad metadata", () => store.append(id, [{ type: "A", data: {}, metadata: { actor: 5 } as never }]), "events[0].metadata.actor"],
        ["bad expected version", () => store.append(id, [{ type: "A", data: {} }], { expectedVersion: -1 }), "expectedVersion"],
        ["a valid event then a bad one", () => store.append(id, [{ type: "A", data: {} }, { type: "B", data: [] as never }]), "events[1].data"],
      ];
      for (const [name, call, path] of bad) {
        const error = await call().then(() => undefined, (e: unknown) => e);
        expect(error, name).toBeInstanceOf(ValidationError);
        expect((error as ValidationError).path, name).toBe(path);
        expect((error as EventStoreError).code, name).toBe("VALIDATION");
      }
      const tooBig = await store.append(id, [{ type: "A", data: {} }, { type: "Big", data: { blob: "x".repeat(5000) } }]).catch((e: unknown) => e);
      expect(tooBig).toBeInstanceOf(EventTooLargeError);
      expect(tooBig).toMatchObject({ code: "EVENT_TOO_LARGE", index: 1, limit: 4096 });
      expect(await countEvents()).toBe(before);
      expect(await store.streamVersion(id)).toBe(1);
    });

    it("is refused by the database itself on UPDATE, DELETE and TRUNCATE", async () => {
      await store.append(stream(), [{ type: "A", data: { v: 1 } }]);
      const before = await countEvents();
      for (const statement of [sql`update events set type = 'Changed'`, sql`delete from events`, sql`truncate events`]) {
        const error = await database.db.execute(statement).then(() => undefined, (e: unknown) => e);
        expect(String((error as { cause?: unknown }).cause ?? error)).toMatch(/append-only/);
      }
      expect(await countEvents()).toBe(before);
      expect(await query(database.db, sql`select 1 from events where type = 'Changed'`)).toHaveLength(0);
    });
  });

  describe("transactions", () => {
    it("appends to several streams atomically, or not at all", async () => {
      const [a, b] = [stream("cart"), stream("order")];
      await store.transaction(async (tx) => {
        await tx.append(a, [{ type: "CartCheckedOut", data: {} }]);
        await tx.append(b, [{ type: "OrderPlaced", data: {} }], { expectedVersion: "no_stream" });
      }, { streams: [a, b] });
      expect([await store.streamVersion(a), await store.streamVersion(b)]).toEqual([1, 1]);
      const before = await countEvents();
      const failed = store.transaction(async (tx) => {
        await tx.append(a, [{ type: "CartCheckedOut", data: {} }]);
        await tx.append(b, [{ type: "OrderPlaced", data: {} }], { expectedVersion: "no_stream" });
      }, { streams: [b, a] });
      await expect(failed).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await countEvents()).toBe(before);
      expect(await store.streamVersion(a)).toBe(1);
    });

    it("refuses, and rolls back, a second stream not named up front", async () => {
      const [a, b] = [stream("cart"), stream("order")];
      const refused = store.transaction(async (tx) => {
        await tx.append(a, [{ type: "First", data: {} }]);
        await tx.append(b, [{ type: "Second", data: {} }]);
      });
      await expect(refused).rejects.toMatchObject({ code: "VALIDATION", path: "streamId" });
      expect([await store.streamVersion(a), await store.streamVersion(b)]).toEqual([0, 0]);
    });
  });

  describe("reading", () => {
    it("reads a stream forward, backward, from a version, with a limit", async () => {
      const id = stream();
      await store.append(id, Array.from({ length: 10 }, (_, i) => ({ type: "Step", data: { i } })));
      const versions = (events: StoredEvent[]) => events.map((e) => e.streamVersion);
      expect(versions(await store.readStream(id))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(versions(await store.readStream(id, { from: 8 }))).toEqual([8, 9, 10]);
      expect(versions(await store.readStream(id, { from: 3, limit: 2 }))).toEqual([3, 4]);
      expect(versions(await store.readStream(id, { direction: "backward", limit: 3 }))).toEqual([10, 9, 8]);
      expect(versions(await store.readStream(id, { direction: "backward", from: 2 }))).toEqual([2, 1]);
      expect(await store.readStream(stream())).toEqual([]);
      await expect(store.readStream(id, { limit: 0 })).rejects.toBeInstanceOf(ValidationError);
    });

    it("streams the whole log in batches, in order, resumable from any checkpoint, with filters", async () => {
      const head = await store.headCheckpoint();
      const ids = [stream("product"), stream("cart")];
      for (let i = 0; i < 25; i++) {
        await store.append(ids[i % 2]!, Array.from({ length: 100 }, (_, j) => ({ type: j % 10 === 0 ? "Rare" : "Common", data: { i, j } })));
      }
      const all: StoredEvent[] = [];
      for await (const batch of store.readAllBatches({ after: head, batchSize: 700 })) {
        expect(batch.length).toBeLessThanOrEqual(700);
        all.push(...batch);
      }
      expect(all).toHaveLength(2500);
      for (let i = 1; i < all.length; i++) expect(compareCheckpoints(checkpointOf(all[i - 1]!), checkpointOf(all[i]!))).toBeLessThan(0);
      const resumed: StoredEvent[] = [];
      for await (const event of store.readAll({ after: checkpointOf(all[999]!) })) resumed.push(event);
      expect(resumed.map((e) => e.eventId)).toEqual(all.slice(1000).map((e) => e.eventId));
      const products: StoredEvent[] = [];
      for await (const event of store.readAll({ after: head, filter: { streamTypes: ["product"], types: ["Rare"] } })) products.push(event);
      expect(products).toHaveLength(130);
      expect(products.every((e) => e.streamType === "product" && e.type === "Rare")).toBe(true);
      expect(compareCheckpoints(await store.headCheckpoint(), checkpointOf(all[all.length - 1]!))).toBe(0);
    });
  });

  describe("subscribe", () => {
    it("catches up, follows live, stops cleanly and resumes from its checkpoint", async () => {
      const head = await store.headCheckpoint();
      const id = stream();
      await store.append(id, [{ type: "Before", data: { i: 0 } }]);
      const seen: StoredEvent[] = [];
      const subscription = store.subscribe({ after: head, filter: { streamTypes: ["order"] } }, (event) => void seen.push(event));
      await waitFor(() => seen.length === 1);
      await store.append(id, [{ type: "Live", data: { i: 1 } }, { type: "Live", data: { i: 2 } }]);
      await store.append(stream("user"), [{ type: "Filtered", data: {} }]);
      await waitFor(() => seen.length === 3);
      await subscription.stop();
      await subscription.done;
      await store.append(id, [{ type: "WhileStopped", data: {} }]);
      const resumed: StoredEvent[] = [];
      const again = store.subscribe({ after: subscription.checkpoint, filter: { streamTypes: ["order"] } }, (e) => void resumed.push(e));
      await waitFor(() => resumed.length === 1);
      await again.stop();
      expect(seen.map((e) => e.type)).toEqual(["Before", "Live", "Live"]);
      expect(resumed.map((e) => e.type)).toEqual(["WhileStopped"]);
    });

    it("is woken by the append itself (LISTEN/NOTIFY), not by its poll", async () => {
      const head = await store.headCheckpoint();
      const seen: StoredEvent[] = [];
      // A poll a minute: a delivery within seconds can only come from the notification.
      const subscription = store.subscribe({ after: head, pollIntervalMs: 60_000 }, (event) => void seen.push(event));
      try {
        // Its first look found nothing and it is asleep now, for a minute, unless something wakes it.
        await waitFor(() => subscription.reads >= 1);
        // Another store over the same database, as another process would append.
        await createEventStore(store.database).append(stream(), [{ type: "Notified", data: {} }]);
        await waitFor(() => seen.length === 1, 15_000);
        expect(seen[0]!.type).toBe("Notified");
      } finally {
        await subscription.stop();
      }
    });

    it("ends with the handler's error instead of skipping the event", async () => {
      const id = stream();
      await store.append(id, [{ type: "Poison", data: {} }]);
      const subscription = store.subscribe({ after: START, filter: { types: ["Poison"] } }, () => {
        throw new Error("cannot handle");
      });
      await expect(subscription.done).rejects.toThrow("cannot handle");
      expect(subscription.checkpoint).toEqual(START);
    });
  });
}
