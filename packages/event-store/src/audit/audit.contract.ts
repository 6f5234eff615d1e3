import { afterAll, beforeAll, expect, it } from "vitest";
import { createEventStore, type EventStore } from "../store.ts";
import type { StoredEvent } from "../types.ts";
import { openTestDatabase, type TestDriver } from "../testing/index.ts";
import { auditIndexProjection } from "./audit-index-projection.ts";
import { auditLog, eventById, eventsCausedBy, eventsPerMinute } from "./audit-log.ts";

/** The audit log on either driver: filters through the audit_index projection, keyset pages, causation links. */
export function auditContract(driver: TestDriver): void {
  let store: EventStore;
  let close: () => Promise<void>;

  beforeAll(async () => {
    const opened = await openTestDatabase(driver);
    close = opened.close;
    store = createEventStore(opened.database);
    for (let i = 0; i < 30; i++) {
      await store.append(`order-${i % 3}`, [{ type: i % 2 ? "Paid" : "Placed", data: { i }, metadata: { actor: `user:${i % 5}`, correlationId: `corr-${Math.floor(i / 10)}` } }]);
    }
    const [first] = await store.readStream("order-0", { limit: 1 });
    await store.append("order-9", [{ type: "Shipped", data: {}, metadata: { actor: "system:fulfillment", causationId: first!.eventId, correlationId: "corr-0" } }]);
    // Index them as the projection runner would (one batch, in its transaction).
    const all: StoredEvent[] = [];
    for await (const batch of store.readAllBatches({ batchSize: 100 })) all.push(...batch);
    await store.database.db.transaction((tx) => auditIndexProjection.apply(all, { executor: tx, table: (t) => t }));
  });
  afterAll(() => close?.());

  it("pages the whole log newest first by keyset, each event once", async () => {
    const seen: number[] = [];
    let before = null;
    do {
      const page = await auditLog(store, {}, before, 7);
      seen.push(...page.events.map((e) => e.position));
      before = page.next;
    } while (before);
    expect(seen).toHaveLength(31);
    expect([...seen].sort((a, b) => b - a)).toEqual(seen);
  });

  it("filters by type, stream, actor, correlation id and time, each an AND", async () => {
    const count = async (filter: Parameters<typeof auditLog>[1]) => (await auditLog(store, filter, null, 200)).events.length;
    expect(await count({ types: ["Paid"] })).toBe(15);
    expect(await count({ types: ["Paid", "Shipped"] })).toBe(16);
    expect(await count({ streamId: "order-1" })).toBe(10);
    expect(await count({ actor: "user:2" })).toBe(6);
    expect(await count({ correlationId: "corr-0" })).toBe(11);
    expect(await count({ correlationId: "corr-0", types: ["Placed"], streamId: "order-0" })).toBe(2);
    expect(await count({ from: "2000-01-01T00:00:00Z", to: "2001-01-01T00:00:00Z" })).toBe(0);
    expect(await count({ from: "2000-01-01T00:00:00Z" })).toBe(31);
    const paged = await auditLog(store, { actor: "user:2" }, null, 4);
    const rest = await auditLog(store, { actor: "user:2" }, paged.next, 4);
    expect([...paged.events, ...rest.events].map((e) => e.metadata.actor)).toEqual(Array(6).fill("user:2"));
  });

  it("links an event to what it caused, and counts events per minute", async () => {
    const [first] = await store.readStream("order-0", { limit: 1 });
    expect((await eventsCausedBy(store, first!.eventId)).map((e) => e.type)).toEqual(["Shipped"]);
    expect((await eventById(store, first!.eventId))?.eventId).toBe(first!.eventId);
    expect(await eventById(store, "not-a-uuid")).toBeNull();
    expect((await eventsPerMinute(store, 60)).reduce((n, m) => n + m.events, 0)).toBe(31);
  });

  it("refuses a page size it will not serve", async () => {
    await expect(auditLog(store, {}, null, 0)).rejects.toThrow(/limit/);
    await expect(auditLog(store, {}, null, 201)).rejects.toThrow(/limit/);
  });
}
