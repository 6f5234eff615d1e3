import { openTestDatabase } from "@chronicle/event-store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "@chronicle/event-store";
import { createInProcessTransport } from "./in-process-transport.ts";
import { testStreamSpec, uniqueName, waitUntil } from "./testing/index.ts";
import { message, transportContract } from "./transport.contract.ts";

let database: Database;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ database, close } = await openTestDatabase("pglite"));
});
afterAll(async () => close());

describe("in-process transport kept in a database: the transport contract", () => {
  transportContract(async (deadLetterStream) => ({ transport: createInProcessTransport({ deadLetterStream, database }), cleanup: async () => {} }));
});

describe("in-process transport kept in a database: a restart", () => {
  it("loses no message: what was not acknowledged comes again, what was does not, and ids stay de-duplicated", async () => {
    const name = uniqueName("RS");
    const prefix = name.toLowerCase();
    const spec = testStreamSpec(name, [`${prefix}.>`]);
    const deadLetterStream = testStreamSpec(`${name}_DL`, [`${prefix}_dl.>`]);
    const before = createInProcessTransport({ database, deadLetterStream });
    await before.ensureStreams([spec]);
    const sent = Array.from({ length: 10 }, (_, i) => message(`${prefix}.widget.counted.w${i % 2}`, { n: i + 1 }));
    for (const m of sent) await before.publish(m);
    const handledBefore: number[] = [];
    // The process "dies" while handling n = 6: its handler never returns, nothing after it is acknowledged.
    before.consume({ stream: name, durable: "inbox", maxDeliver: 1 }, async (m) => {
      const { n } = m.data as { n: number };
      if (n === 6) return new Promise<void>(() => {});
      if (n === 3) throw new Error("poison");
      handledBefore.push(n);
    });
    await waitUntil(() => handledBefore.length === 4, 10_000, "four handled before the crash");
    await waitUntil(async () => (await before.deadLetters()).length === 1, 10_000, "the poison dead-lettered");

    const after = createInProcessTransport({ database, deadLetterStream });
    await after.ensureStreams([spec]);
    expect((await after.publish(sent[0]!)).duplicate).toBe(true);
    const handledAfter: number[] = [];
    const consumer = after.consume({ stream: name, durable: "inbox" }, async (m) => void handledAfter.push((m.data as { n: number }).n));
    await waitUntil(() => handledAfter.length === 5, 10_000, "the rest handled after the restart");
    const letters = await after.deadLetters();
    expect(letters).toHaveLength(1);
    await after.retryDeadLetter(letters[0]!.id);
    await waitUntil(() => handledAfter.length === 6, 10_000, "the retried dead letter handled");
    await consumer.stop();
    expect(handledBefore).toEqual([1, 2, 4, 5]);
    expect(handledAfter).toEqual([6, 7, 8, 9, 10, 3]);
    expect(await after.deadLetters()).toEqual([]);
    const stats = (await after.stats()).consumers.find((c) => c.name === "inbox")!;
    expect(stats).toMatchObject({ ackPending: 0, pending: 0 });
    await after.close();
  });
});
