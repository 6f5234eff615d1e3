import { sql } from "drizzle-orm";
import { migrate, openDatabase, query, type Database } from "@chronicle/event-store";
import { createTestDatabase, describeOnPostgres } from "@chronicle/event-store/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createNatsTransport } from "../nats-transport.ts";
import { describeOnNats, testStreamSpec, uniqueName, waitUntil } from "../testing/index.ts";
import { deleteStreams } from "../testing/nats.ts";
import type { Transport } from "../types.ts";
import { startChild, type Child } from "./child.ts";

const MESSAGES = 600;
const KILLS = 3;

interface Totals {
  applied: number;
  total: number;
  deduplicated: number;
}

describeOnPostgres("proof: consumers killed mid-batch, and a poison message", (postgresUrl) => {
  describeOnNats("on real NATS", (natsUrl) => {
    let created: { url: string; drop(): Promise<void> };
    let database: Database;
    let transport: Transport;
    const stream = uniqueName("CONS");
    const prefix = stream.toLowerCase();
    const deadLetters = testStreamSpec(`${stream}_DL`, [`${prefix}_dl.>`]);
    const children: Child[] = [];

    const totals = async () => {
      const [row] = await query<Record<string, string>>(database.db, sql`select applied, total, deduplicated from proof_totals`);
      return { applied: Number(row!.applied), total: Number(row!.total), deduplicated: Number(row!.deduplicated) } satisfies Totals;
    };

    beforeAll(async () => {
      created = await createTestDatabase(postgresUrl);
      database = await openDatabase({ url: created.url, poolSize: 4 });
      await migrate(database);
      await database.db.execute(sql`create table proof_inbox (message_id text primary key)`);
      await database.db.execute(sql`create table proof_deliveries (message_id text not null, attempt int not null)`);
      await database.db.execute(sql`create table proof_totals (applied int not null, total bigint not null, deduplicated int not null)`);
      await database.db.execute(sql`insert into proof_totals values (0, 0, 0)`);
      transport = createNatsTransport({ url: natsUrl, name: "consumer-kill-proof", deadLetterStream: deadLetters });
      await transport.ensureStreams([testStreamSpec(stream, [`${prefix}.>`])]);
    });

    afterAll(async () => {
      for (const child of children) await child.killHard();
      await transport?.close();
      await database?.close();
      await created?.drop();
      await deleteStreams(natsUrl, [stream, deadLetters.name]);
    });

    it(`applies every message once although the consumer is killed mid-batch ${KILLS} times`, async () => {
      let expectedTotal = 0;
      for (let n = 1; n <= MESSAGES; n++) {
        expectedTotal += n;
        await transport.publish({ id: `msg-${n}`, subject: `${prefix}.widget.counted.w${n % 13}`, type: "test.widget.counted.v1", data: { n }, occurredAt: new Date().toISOString() });
      }
      const env = {
        PROOF_DATABASE_URL: created.url,
        PROOF_NATS_URL: natsUrl,
        PROOF_STREAM: stream,
        PROOF_DURABLE: "inbox",
        PROOF_ACK_WAIT_MS: "1500",
        PROOF_HANDLER_DELAY_MS: "4",
      };
      const killedAt: number[] = [];
      for (let kill = 1; kill <= KILLS; kill++) {
        const child = startChild("consumer-child.ts", env);
        children.push(child);
        const before = (await totals()).applied;
        // Killed while a batch is in hand: some messages applied and not acked, some fetched and not handled.
        await waitUntil(async () => (await totals()).applied >= before + 40 + Math.floor(Math.random() * 80), 60_000, "the consumer applies");
        await child.killHard();
        killedAt.push((await totals()).applied);
      }
      const last = startChild("consumer-child.ts", env);
      children.push(last);
      await waitUntil(async () => (await totals()).applied === MESSAGES, 60_000, "every message applied");
      await waitUntil(async () => {
        const c = (await transport.stats()).consumers.find((x) => x.name === "inbox");
        return c?.ackPending === 0 && c.pending === 0;
      }, 30_000, "everything acknowledged");
      await last.stop();

      const result = await totals();
      const [deliveries] = await query<{ all: string; redelivered: string; distinct: string }>(database.db, sql`
        select count(*) as all, count(*) filter (where attempt > 1) as redelivered, count(distinct message_id) as distinct from proof_deliveries`);
      const inbox = Number((await query<{ c: string }>(database.db, sql`select count(*) as c from proof_inbox`))[0]!.c);
      console.log(
        `[proof consumer kill -9] messages ${MESSAGES}, kills ${KILLS} (after ${killedAt.join(", ")} applied), deliveries ${deliveries!.all} ` +
          `(redelivered ${deliveries!.redelivered}), applied ${result.applied}, duplicates stopped by the inbox ${result.deduplicated}, ` +
          `missing ${MESSAGES - inbox}, sum ${result.total} (expected ${expectedTotal})`,
      );
      expect(inbox).toBe(MESSAGES);
      expect(result.applied).toBe(MESSAGES);
      expect(result.total).toBe(expectedTotal);
      expect(Number(deliveries!.distinct)).toBe(MESSAGES);
      // The kills did land mid-batch: messages in hand came back.
      expect(Number(deliveries!.redelivered)).toBeGreaterThan(0);
    }, 180_000);

    it("dead-letters a poison message after maxDeliver attempts while the others flow; a retry applies it", async () => {
      let healed = false;
      const applied = new Set<number>();
      const attempts: number[] = [];
      const consumer = transport.consume({ stream, durable: "poison", filterSubject: `${prefix}.poison.>`, maxDeliver: 4, backoffMs: [100] }, async (message, delivery) => {
        const { n } = message.data as { n: number };
        if (n === 13 && !healed) {
          attempts.push(delivery.attempt);
          throw new Error("poison: n = 13 cannot be applied");
        }
        applied.add(n);
      });
      for (let n = 1; n <= 50; n++) {
        await transport.publish({ id: `poison-${n}`, subject: `${prefix}.poison.p${n % 5}`, type: "test.poison.v1", data: { n }, occurredAt: new Date().toISOString() });
      }
      await waitUntil(() => applied.size === 49, 30_000, "the others applied");
      await waitUntil(async () => (await transport.deadLetters()).length === 1, 30_000, "a dead letter");
      const [letter] = await transport.deadLetters();
      const flowedBeforeRetry = applied.size;
      healed = true;
      await transport.retryDeadLetter(letter!.id);
      await waitUntil(() => applied.has(13), 30_000, "the retried message applied");
      await consumer.stop();
      const left = await transport.deadLetters();
      console.log(
        `[proof poison] messages 50, attempts of the poison ${attempts.join(",")}, dead letters ${1} (attempts ${letter!.attempts}, error "${letter!.error}"), ` +
          `others applied before the retry ${flowedBeforeRetry}, after the retry ${applied.size}, dead letters left ${left.length}`,
      );
      expect(attempts).toEqual([1, 2, 3, 4]);
      expect(letter).toMatchObject({ attempts: 4, consumer: "poison", stream, message: { id: "poison-13", data: { n: 13 } } });
      expect(flowedBeforeRetry).toBe(49);
      expect(applied.size).toBe(50);
      expect(left).toEqual([]);
    }, 120_000);
  });
});
