import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkpointOf, compareCheckpoints } from "./checkpoint.ts";
import { createEventStore, type EventStore } from "./store.ts";
import type { Database } from "./db/database.ts";
import { describeOnPostgres, openTestDatabase, waitFor } from "./testing/index.ts";
import type { Checkpoint, StoredEvent } from "./types.ts";

/** A gate a test opens when it wants a transaction to go on. */
function gate(): { open(): void; passed: Promise<void> } {
  let open!: () => void;
  const passed = new Promise<void>((resolve) => (open = resolve));
  return { open, passed };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describeOnPostgres("global order on real Postgres: a subscriber never skips a late commit", (serverUrl) => {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  let head: Checkpoint;
  let seen: StoredEvent[];
  let stop: () => Promise<void>;

  beforeAll(async () => {
    ({ database, close } = await openTestDatabase("postgres", { poolSize: 24 }));
    store = createEventStore(database);
  });
  afterAll(async () => close());

  /**
   * Ends the subscription once it has delivered a sentinel appended after everything else: an extra or repeated
   * delivery of an earlier event would have come before it, so what was seen is complete, without a sleep.
   */
  async function settle(): Promise<StoredEvent[]> {
    const sentinel = await store.append("order-sentinel", [{ type: "Sentinel", data: {} }]);
    await waitFor(() => seen.some((e) => e.position === sentinel.positions[0]), 60_000);
    await stop();
    return seen.filter((e) => e.type !== "Sentinel");
  }

  async function follow(): Promise<void> {
    head = await store.headCheckpoint();
    seen = [];
    const subscription = store.subscribe({ after: head, pollIntervalMs: 50 }, (event) => void seen.push(event));
    stop = () => subscription.stop();
  }

  it("a transaction that began first and commits last is delivered, before the later one", async () => {
    await follow();
    const commitFirst = gate();
    const appended = gate();
    const slow = store.transaction(async (tx) => {
      await tx.append("order-slow", [{ type: "Slow", data: {} }]);
      appended.open();
      await commitFirst.passed;
    });
    await appended.passed;
    const fast = await store.append("order-fast", [{ type: "Fast", data: {} }]);
    // The fast event is committed (a direct read finds it) but no reader may see it yet: an older transaction is
    // still open, so the bound every reader reads below has not moved, and the subscription has nothing to deliver.
    expect(await store.readStream("order-fast")).toHaveLength(1);
    expect(compareCheckpoints(await store.headCheckpoint(), head)).toBe(0);
    expect(seen).toEqual([]);
    commitFirst.open();
    await slow;
    const delivered = await settle();
    expect(delivered.map((e) => e.type)).toEqual(["Slow", "Fast"]);
    expect(delivered[1]!.position).toBe(fast.positions[0]);
  });

  it("a transaction open in ANOTHER database of the server does not hold readers back (transaction ids are cluster-wide)", async () => {
    await follow();
    // The server URL's own database, not this suite's: a transaction there can never write to this log.
    const other = postgres(serverUrl, { max: 1, onnotice: () => {} });
    const [holding, release] = [gate(), gate()];
    const open = other.begin(async (tx) => {
      await tx`select pg_current_xact_id()`; // takes a transaction id, as any write would
      holding.open();
      await release.passed;
    });
    try {
      await holding.passed;
      const appended = await store.append("order-cross-db", [{ type: "CrossDb", data: {} }]);
      // With pg_snapshot_xmin alone this waited for the other database's transaction to end.
      await waitFor(() => seen.length === 1, 5_000);
      const [stored] = await store.readStream("order-cross-db");
      expect(stored!.position).toBe(appended.positions[0]);
      expect(compareCheckpoints(await store.headCheckpoint(), checkpointOf(stored!))).toBe(0);
    } finally {
      release.open();
      await open;
      await other.end();
    }
    await stop();
    expect(seen.map((e) => e.type)).toEqual(["CrossDb"]);
  });

  it("an event with a lower position committed after a higher one is still delivered (position alone would skip it)", async () => {
    await follow();
    const [t1Appended, t2Appended, t2Commit] = [gate(), gate(), gate()];
    const t1 = store.transaction(async (tx) => {
      await tx.append("order-t1a", [{ type: "T1First", data: {} }]);
      t1Appended.open();
      await t2Appended.passed;
      await tx.append("order-t1b", [{ type: "T1Second", data: {} }]);
    }, { streams: ["order-t1a", "order-t1b"] });
    await t1Appended.passed;
    const t2 = store.transaction(async (tx) => {
      await tx.append("order-t2", [{ type: "T2Middle", data: {} }]);
      t2Appended.open();
      await t2Commit.passed;
    });
    await t1;
    await waitFor(() => seen.length === 2);
    const positions = seen.map((e) => e.position);
    t2Commit.open();
    await t2;
    const delivered = await settle();
    const middle = delivered[2]!;
    console.log(`[ordering] delivered positions ${[...positions, middle.position].join(", ")} (the last is lower than the one before it)`);
    expect(delivered.map((e) => e.type)).toEqual(["T1First", "T1Second", "T2Middle"]);
    expect(middle.position).toBeLessThan(positions[1]!);
  });

  it("a rolled-back append between two committed ones leaves a hole that is passed, not waited on", async () => {
    await follow();
    const a = await store.append("order-hole", [{ type: "A", data: {} }]);
    await expect(
      store.transaction(async (tx) => {
        await tx.append("order-hole", [{ type: "RolledBack", data: {} }]);
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    const c = await store.append("order-hole", [{ type: "C", data: {} }]);
    const delivered = await settle();
    expect(delivered.map((e) => e.type)).toEqual(["A", "C"]);
    expect(c.positions[0]! - a.positions[0]!).toBeGreaterThan(1);
    expect(delivered.map((e) => e.streamVersion)).toEqual([1, 2]);
  });

  it("randomized: 16 writers, random delays inside transactions, ~10% rollbacks, 50k+ events, one subscriber", async () => {
    await follow();
    const WRITERS = 16;
    const TARGET = 50_000;
    const STREAMS = 64;
    let seed = 20261127;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const committed = new Set<string>();
    let attempted = 0;
    let rolledBack = 0;
    let written = 0;

    const writer = async (w: number): Promise<void> => {
      while (written < TARGET) {
        const streams = [...new Set(Array.from({ length: 1 + Math.floor(random() * 3) }, () => Math.floor(random() * STREAMS)))].sort((a, b) => a - b);
        const rollback = random() < 0.1;
        const ids: string[] = [];
        attempted++;
        try {
          await store.transaction(async (tx) => {
            for (const s of streams) {
              const count = 1 + Math.floor(random() * 5);
              const events = Array.from({ length: count }, () => ({ type: "Random", eventId: crypto.randomUUID(), data: { w } }));
              await tx.append(`order-r${s}`, events);
              ids.push(...events.map((e) => e.eventId));
              await pause(Math.floor(random() * 3));
            }
            if (rollback) throw new Error("rollback");
          }, { streams: streams.map((s) => `order-r${s}`) });
          for (const id of ids) committed.add(id);
          written += ids.length;
        } catch (error) {
          if ((error as Error).message !== "rollback") throw error;
          rolledBack++;
        }
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    await waitFor(() => seen.length >= committed.size, 60_000);
    seen = await settle();

    const deliveries = new Map<string, number>();
    for (const e of seen) deliveries.set(e.eventId, (deliveries.get(e.eventId) ?? 0) + 1);
    const missed = [...committed].filter((id) => !deliveries.has(id)).length;
    const duplicated = [...deliveries.values()].filter((n) => n > 1).length;
    const uncommitted = [...deliveries.keys()].filter((id) => !committed.has(id)).length;
    const versionsByStream = new Map<string, number[]>();
    for (const e of seen) versionsByStream.set(e.streamId, [...(versionsByStream.get(e.streamId) ?? []), e.streamVersion]);
    const outOfOrder = [...versionsByStream.values()].filter((v) => v.some((version, i) => version !== i + 1)).length;
    console.log(`[randomized] writers=${WRITERS} transactions=${attempted} rolledBack=${rolledBack} committed=${committed.size} `
      + `delivered=${seen.length} missed=${missed} duplicated=${duplicated} uncommittedDelivered=${uncommitted} `
      + `streams=${versionsByStream.size} streamsOutOfVersionOrder=${outOfOrder}`);
    expect(committed.size).toBeGreaterThanOrEqual(TARGET);
    expect(rolledBack).toBeGreaterThan(0);
    expect(seen.length).toBe(committed.size);
    expect(missed).toBe(0);
    expect(duplicated).toBe(0);
    expect(uncommitted).toBe(0);
    expect(outOfOrder).toBe(0);
  }, 300_000);
});
