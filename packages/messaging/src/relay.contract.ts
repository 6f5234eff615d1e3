import { createEventStore, type Database, type EventStore, type StoredEvent } from "@chronicle/event-store";
import { openTestDatabase, type TestDriver } from "@chronicle/event-store/testing";
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from "vitest";
import { isMessagingError } from "./errors.ts";
import { relayStatus, retryRelay, startRelay, type Relay } from "./relay.ts";
import { testStreamSpec, uniqueName, waitUntil } from "./testing/index.ts";
import { appendWidgets, widgetMessages, type WidgetData } from "./testing/widgets.ts";
import type { Consumer, IntegrationMessage, StreamSpec, Transport } from "./types.ts";

export interface RelaySetup {
  transport: Transport;
  cleanup(streams: string[]): Promise<void>;
}

/** The relay on a driver and a transport: every event once, in order per aggregate, checkpoint after the ack. */
export function relayContract(driver: TestDriver, make: (deadLetters: StreamSpec, database: Database) => Promise<RelaySetup>): void {
  let store: EventStore;
  let closeDb: () => Promise<void>;
  let setup: RelaySetup;
  let stream: string;
  let prefix: string;
  /** Each test has its own relay name and widget streams: the database is shared by the file's tests. */
  let run: string;
  const relays: Relay[] = [];
  const consumers: Consumer[] = [];

  beforeAll(async () => {
    const db = await openTestDatabase(driver);
    closeDb = db.close;
    store = createEventStore(db.database);
  });
  afterAll(async () => closeDb());

  beforeEach(async () => {
    run = uniqueName("w").replaceAll("_", "");
    stream = uniqueName("R");
    prefix = stream.toLowerCase();
    setup = await make(testStreamSpec(`${stream}_DL`, [`${prefix}_dl.>`]), store.database);
    await setup.transport.ensureStreams([testStreamSpec(stream, [`${prefix}.>`])]);
  });

  afterEach(async () => {
    for (const relay of relays.splice(0)) await relay.stop();
    for (const consumer of consumers.splice(0)) await consumer.stop();
    await setup.cleanup([stream, `${stream}_DL`]);
    await setup.transport.close();
  });

  const relay = (toMessages = widgetMessages(prefix, run), extra: { instanceId?: string } = {}) => {
    const started = startRelay(store, { name: run, transport: setup.transport, toMessages, batchSize: 50, pollIntervalMs: 200, takeoverIntervalMs: 100, ...extra });
    relays.push(started);
    return started;
  };

  const collect = () => {
    const got: IntegrationMessage[] = [];
    consumers.push(setup.transport.consume({ stream, durable: "collector", concurrency: 8 }, async (m) => void got.push(m)));
    return got;
  };

  it("publishes every mapped event once, in order per subject, with the ids and envelope of the event", async () => {
    const got = collect();
    const first = await appendWidgets(store, { run, count: 150, streams: 7 });
    const r = relay();
    const second = await appendWidgets(store, { run, count: 150, streams: 7, startAt: first });
    await waitUntil(() => got.length >= first + second, 30_000, "all messages delivered");
    await waitUntil(async () => (await r.backlog()) === 0, 10_000, "backlog drained");
    const events: StoredEvent[] = [];
    for await (const event of store.readAll()) if (widgetMessages(prefix, run)(event).length) events.push(event);
    expect(new Set(got.map((m) => m.id))).toEqual(new Set(events.map((e) => e.eventId)));
    expect(got).toHaveLength(events.length);
    const bySubject = new Map<string, number[]>();
    for (const m of got) bySubject.set(m.subject, [...(bySubject.get(m.subject) ?? []), (m.data as WidgetData).version]);
    for (const versions of bySubject.values()) expect(versions).toEqual(versions.map((_, i) => i + 1));
    const sample = got.find((m) => m.id === events[0]!.eventId)!;
    expect(sample).toMatchObject({ type: "test.widget.counted.v1", causationId: events[0]!.eventId, correlationId: events[0]!.metadata.correlationId });
    const { streams } = await setup.transport.stats();
    expect(streams.find((s) => s.name === stream)!.messages).toBe(events.length);
    const status = await relayStatus(store, run);
    expect(status).toMatchObject({ state: "running", backlog: 0, leader: r.instanceId, error: null });
    expect(status.position).toEqual(await store.headCheckpoint());
    expect(r.counts()).toEqual({ published: events.length, duplicates: 0 });
    console.log(`[relay ${driver}/${setup.transport.kind}] events ${events.length}, delivered ${got.length}, subjects ${bySubject.size}, stored in the stream ${streams.find((s) => s.name === stream)!.messages}`);
  });

  it("halts at an event its mapping cannot map, visibly, and goes on after a retry", async () => {
    const got = collect();
    await appendWidgets(store, { run, count: 20, streams: 2 });
    const map = widgetMessages(prefix, run);
    let broken = true;
    const r = relay((event) => {
      if (broken && event.type === "WidgetCounted" && (event.data as { n: number }).n === 10) throw new Error("no contract for this one");
      return map(event);
    });
    await waitUntil(async () => (await relayStatus(store, run)).state === "failed", 10_000, "relay halted");
    const status = await relayStatus(store, run);
    expect(status.error?.message).toContain("no contract for this one");
    expect(got.length).toBeLessThan(20);
    broken = false;
    await retryRelay(store, run);
    await waitUntil(() => got.length === 20, 10_000, "the rest delivered");
    await waitUntil(async () => (await r.backlog()) === 0);
    await expect(retryRelay(store, run)).rejects.toThrow(/not halted/);
  });

  it("refuses a malformed relay name with a typed error", () => {
    expect(() => startRelay(store, { name: "Bad Name", transport: setup.transport, toMessages: () => [] })).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
    try {
      startRelay(store, { name: "x-y", transport: setup.transport, toMessages: () => [] });
    } catch (error) {
      expect(isMessagingError(error)).toBe(true);
    }
  });

  if (driver === "postgres") {
    it("has one active relay per name; another takes over when it stops, and nothing is published twice", async () => {
        const got = collect();
      const a = relay(undefined, { instanceId: "relay-a" });
      await waitUntil(() => a.leading());
      const b = relay(undefined, { instanceId: "relay-b" });
      await appendWidgets(store, { run, count: 100, streams: 5 });
      await waitUntil(() => got.length === 100);
      expect(b.leading()).toBe(false);
      await a.stop();
      await waitUntil(() => b.leading(), 10_000, "takeover");
      await appendWidgets(store, { run, count: 100, streams: 5, startAt: 100 });
      await waitUntil(() => got.length >= 200);
      await waitUntil(async () => (await b.backlog()) === 0);
      expect(new Set(got.map((m) => m.id)).size).toBe(200);
      expect((await relayStatus(store, run)).leader).toBe("relay-b");
    });
  }
}
