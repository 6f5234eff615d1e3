import { createEventStore, migrate, openDatabase, type Database, type EventStore } from "@chronicle/event-store";
import { createTestDatabase, describeOnPostgres } from "@chronicle/event-store/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createNatsTransport } from "../nats-transport.ts";
import { relayStatus, startRelay } from "../relay.ts";
import { testStreamSpec, uniqueName, waitUntil } from "../testing/index.ts";
import { describeWithNatsServer, startOwnNatsServer, type OwnNatsServer } from "../testing/nats.ts";
import { appendWidgets, widgetMessages, type WidgetData } from "../testing/widgets.ts";

const OUTAGE_MS = 10_000;

describeOnPostgres("proof: nats-server stopped for 10 s and restarted under load", (postgresUrl) => {
  describeWithNatsServer("on a NATS server of the test's own", (binary) => {
    let created: { url: string; drop(): Promise<void> };
    let database: Database;
    let store: EventStore;
    let server: OwnNatsServer;

    beforeAll(async () => {
      created = await createTestDatabase(postgresUrl);
      database = await openDatabase({ url: created.url, poolSize: 6 });
      await migrate(database);
      store = createEventStore(database);
      server = await startOwnNatsServer(binary);
    });

    afterAll(async () => {
      await server?.dispose();
      await database?.close();
      await created?.drop();
    });

    it("loses nothing, stores nothing twice, and drains the backlog after the restart", async () => {
      const stream = uniqueName("OUTAGE");
      const prefix = stream.toLowerCase();
      const run = uniqueName("o").replaceAll("_", "");
      // The producer's and the receiver's connections, as two services would have.
      const producer = createNatsTransport({ url: server.url, name: "outage-producer", publishTimeoutMs: 1000 });
      const receiver = createNatsTransport({ url: server.url, name: "outage-receiver" });
      await producer.ensureStreams([testStreamSpec(stream, [`${prefix}.>`])]);
      const relay = startRelay(store, { name: "outage", transport: producer, toMessages: widgetMessages(prefix, run), batchSize: 100, pollIntervalMs: 200 });
      const applied = new Map<string, WidgetData>();
      let deliveries = 0;
      const consumer = receiver.consume({ stream, durable: "outage", concurrency: 8 }, async (message) => {
        deliveries++;
        if (!applied.has(message.id)) applied.set(message.id, message.data as WidgetData);
      });

      let appending = true;
      let appended = 0;
      const load = (async () => {
        while (appending) {
          appended += await appendWidgets(store, { run, count: 10, streams: 20, perAppend: 2, startAt: appended });
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();

      let maxBacklog = 0;
      let appliedWhenStopped = 0;
      let appendedDuringOutage = 0;
      let drainMs = 0;
      try {
        await waitUntil(() => applied.size > 100, 30_000, "messages flowing before the outage");
        await server.stop();
        appliedWhenStopped = applied.size;
        const appendedAtStop = appended;
        const outageEnds = Date.now() + OUTAGE_MS;
        while (Date.now() < outageEnds) {
          maxBacklog = Math.max(maxBacklog, (await relayStatus(store, "outage")).backlog);
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
        appendedDuringOutage = appended - appendedAtStop;
      } finally {
        if (!server.running) await server.start();
      }
      const restartedAt = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 1000));
      appending = false;
      await load;
      await waitUntil(async () => (await relayStatus(store, "outage")).backlog === 0, 60_000, "relay backlog drained");
      const relayDrainMs = Date.now() - restartedAt;
      await waitUntil(() => applied.size >= appended, 60_000, "every message applied");
      drainMs = Date.now() - restartedAt;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await consumer.stop();
      await relay.stop();

      const expected = new Set<string>();
      for await (const event of store.readAll()) if (widgetMessages(prefix, run)(event).length) expected.add(event.eventId);
      const stored = (await producer.stats()).streams.find((s) => s.name === stream)!.messages;
      const missing = [...expected].filter((id) => !applied.has(id)).length;
      const counts = relay.counts();
      console.log(
        `[proof nats outage] outage ${OUTAGE_MS / 1000} s, events ${expected.size} (${appendedDuringOutage} appended during the outage), ` +
          `max relay backlog during it ${maxBacklog}, applied before the stop ${appliedWhenStopped}, stored in the stream ${stored} ` +
          `(duplicates ${stored - expected.size}), delivered ${deliveries}, applied ${applied.size}, missing ${missing}, ` +
          `repeats the broker dropped ${counts.duplicates}, relay backlog drained ${relayDrainMs} ms and every message applied ${drainMs} ms after the restart`,
      );
      await producer.close();
      await receiver.close();
      expect(appendedDuringOutage).toBeGreaterThan(0);
      expect(maxBacklog).toBeGreaterThan(0);
      expect(missing).toBe(0);
      expect(applied.size).toBe(expected.size);
      expect(stored).toBe(expected.size);
    }, 150_000);
  });
});
