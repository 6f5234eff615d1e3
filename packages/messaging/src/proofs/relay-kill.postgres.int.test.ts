import { createEventStore, migrate, openDatabase, type Database, type EventStore } from "@chronicle/event-store";
import { createTestDatabase, describeOnPostgres } from "@chronicle/event-store/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createNatsTransport } from "../nats-transport.ts";
import { relayStatus } from "../relay.ts";
import { describeOnNats, testStreamSpec, uniqueName, waitUntil } from "../testing/index.ts";
import { deleteStreams } from "../testing/nats.ts";
import { appendWidgets, widgetMessages, type WidgetData } from "../testing/widgets.ts";
import type { IntegrationMessage, Transport } from "../types.ts";
import { startChild, type Child } from "./child.ts";

const KILLS = 20;

describeOnPostgres("proof: the relay killed with kill -9 at random moments under load", (postgresUrl) => {
  describeOnNats("on real NATS", (natsUrl) => {
    let created: { url: string; drop(): Promise<void> };
    let database: Database;
    let store: EventStore;
    let transport: Transport;
    const stream = uniqueName("KILL");
    const prefix = stream.toLowerCase();
    const run = uniqueName("k").replaceAll("_", "");
    const children: Child[] = [];

    beforeAll(async () => {
      created = await createTestDatabase(postgresUrl);
      database = await openDatabase({ url: created.url, poolSize: 4 });
      await migrate(database);
      store = createEventStore(database);
      transport = createNatsTransport({ url: natsUrl, name: "relay-kill-proof" });
      await transport.ensureStreams([testStreamSpec(stream, [`${prefix}.>`])]);
    });

    afterAll(async () => {
      for (const child of children) await child.killHard();
      await transport?.close();
      await database?.close();
      await created?.drop();
      await deleteStreams(natsUrl, [stream]);
    });

    it(`delivers every event exactly once to an idempotent consumer after ${KILLS} kills (0 duplicates, 0 missing)`, async () => {
      // The idempotent receiver: applies a message id once; counts every delivery.
      const applied = new Map<string, WidgetData>();
      let deliveries = 0;
      const consumer = transport.consume({ stream, durable: "proof", concurrency: 8 }, async (message: IntegrationMessage) => {
        deliveries++;
        if (!applied.has(message.id)) applied.set(message.id, message.data as WidgetData);
      });

      // Load: appends keep coming while relays are killed.
      let appending = true;
      let appended = 0;
      const load = (async () => {
        while (appending) {
          appended += await appendWidgets(store, { run, count: 10, streams: 25, perAppend: 2, startAt: appended });
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();

      const env = { PROOF_DATABASE_URL: created.url, PROOF_NATS_URL: natsUrl, PROOF_RELAY_NAME: "proof", PROOF_PREFIX: prefix, PROOF_RUN: run };
      let duplicatesSeen = 0;
      let publishedBeforeKills = 0;
      let takeovers = 0;
      let current = startChild("relay-child.ts", env);
      children.push(current);
      await current.waitForLine((line) => line.log === "leading", 60_000);
      // Standby instances wait for the lock (it is taken); starting a process is slow, so a few are kept ready.
      const standbys: Child[] = [];
      const addStandby = () => {
        const standby = startChild("relay-child.ts", env);
        children.push(standby);
        standbys.push(standby);
      };
      for (let i = 0; i < 2; i++) addStandby();
      for (let kill = 1; kill <= KILLS; kill++) {
        await Promise.all(standbys.map((standby) => standby.waitForLine((line) => line.counts !== undefined, 60_000)));
        // A random moment of the leader's work: mid-batch, between an ack and the checkpoint, or while idle.
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 500));
        await current.killHard();
        const last = [...current.lines].reverse().find((line) => line.counts) as { counts: { published: number; duplicates: number } } | undefined;
        duplicatesSeen += last?.counts.duplicates ?? 0;
        publishedBeforeKills += last?.counts.published ?? 0;
        await waitUntil(() => standbys.some((standby) => standby.lines.some((line) => line.log === "leading")), 60_000, "a standby took over");
        current = standbys.find((standby) => standby.lines.some((line) => line.log === "leading"))!;
        standbys.splice(standbys.indexOf(current), 1);
        takeovers++;
        if (kill + standbys.length < KILLS) addStandby();
      }
      for (const standby of standbys) await standby.stop();
      appending = false;
      await load;

      // The last one drains the backlog.
      const final = current;
      await waitUntil(async () => (await relayStatus(store, "proof")).backlog === 0, 60_000, "backlog drained");
      await waitUntil(() => applied.size >= appended, 60_000, "every message applied");
      await final.stop();
      await new Promise((resolve) => setTimeout(resolve, 500));
      await consumer.stop();

      const expected = new Set<string>();
      for await (const event of store.readAll()) if (widgetMessages(prefix, run)(event).length) expected.add(event.eventId);
      const missing = [...expected].filter((id) => !applied.has(id)).length;
      const stored = (await transport.stats()).streams.find((s) => s.name === stream)!.messages;
      // Per aggregate, the versions arrive in order.
      const bySubject = new Map<string, number[]>();
      for (const data of applied.values()) bySubject.set(data.streamId, [...(bySubject.get(data.streamId) ?? []), data.version]);
      const outOfOrder = [...bySubject.values()].filter((versions) => versions.some((v, i) => v !== i + 1)).length;
      console.log(
        `[proof relay kill -9] kills ${KILLS}, takeovers by a standby ${takeovers}, events ${expected.size}, stored in the stream ${stored} (duplicates ${stored - expected.size}), ` +
          `delivered ${deliveries}, applied ${applied.size}, missing ${missing}, out of order ${outOfOrder}; ` +
          `acks seen by the killed relays ${publishedBeforeKills}, of which repeats the broker dropped ${duplicatesSeen}`,
      );
      expect(expected.size).toBe(appended);
      expect(missing).toBe(0);
      expect(applied.size).toBe(expected.size);
      expect(stored).toBe(expected.size);
      expect(deliveries).toBe(expected.size);
      expect(outOfOrder).toBe(0);
      expect(takeovers).toBe(KILLS);
    }, 240_000);
  });
});
