import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createEventStore, type EventStore } from "./store.ts";
import { query, type Database } from "./db/database.ts";
import { ConcurrencyError } from "./errors.ts";
import { describeOnPostgres, openTestDatabase } from "./testing/index.ts";

const WRITERS = 50;
const ROUNDS = 200;

describeOnPostgres("appends racing on real Postgres", () => {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    // One connection per writer, so the 50 really race inside the server.
    ({ database, close } = await openTestDatabase("postgres", { poolSize: WRITERS }));
    store = createEventStore(database);
  });
  afterAll(async () => close());

  it(`${WRITERS} writers, same expected version, ${ROUNDS} rounds: one winner per round, versions contiguous`, async () => {
    const streamId = "account-race";
    let conflicts = 0;
    let otherErrors = 0;
    const winnersPerRound: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const results = await Promise.allSettled(
        Array.from({ length: WRITERS }, (_, writer) =>
          store.append(streamId, [{ type: "Won", data: { round, writer } }], { expectedVersion: round === 0 ? "no_stream" : round }),
        ),
      );
      winnersPerRound.push(results.filter((r) => r.status === "fulfilled").length);
      for (const r of results) {
        if (r.status === "rejected" && r.reason instanceof ConcurrencyError) conflicts++;
        else if (r.status === "rejected") otherErrors++;
      }
    }
    const versions = (await store.readStream(streamId)).map((e) => e.streamVersion);
    const rounds = (await store.readStream(streamId)).map((e) => e.data.round);
    console.log(`[race] writers=${WRITERS} rounds=${ROUNDS} winners=${winnersPerRound.reduce((a, b) => a + b, 0)} `
      + `conflicts=${conflicts} otherErrors=${otherErrors} events=${versions.length}`);
    expect(winnersPerRound.every((w) => w === 1)).toBe(true);
    expect(conflicts).toBe(ROUNDS * (WRITERS - 1));
    expect(otherErrors).toBe(0);
    expect(versions).toEqual(Array.from({ length: ROUNDS }, (_, i) => i + 1));
    expect(rounds).toEqual(Array.from({ length: ROUNDS }, (_, i) => i));
  });

  it(`${WRITERS} concurrent "no_stream" creates of one stream: exactly one succeeds`, async () => {
    const results = await Promise.allSettled(
      Array.from({ length: WRITERS }, (_, writer) =>
        store.append("cart-created-once", [{ type: "Created", data: { writer } }], { expectedVersion: "no_stream" }),
      ),
    );
    const won = results.filter((r) => r.status === "fulfilled").length;
    const conflicts = results.filter((r) => r.status === "rejected" && r.reason instanceof ConcurrencyError).length;
    console.log(`[create-race] writers=${WRITERS} succeeded=${won} conflicts=${conflicts}`);
    expect(won).toBe(1);
    expect(conflicts).toBe(WRITERS - 1);
    expect(await store.streamVersion("cart-created-once")).toBe(1);
  });

  it("a connection dropped in the middle of an append leaves nothing behind", async () => {
    const streamId = "order-dropped";
    await store.append(streamId, [{ type: "First", data: {} }]);
    let release!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const locked = new Promise<void>((resolve) => (holding = resolve));
    // A transaction holds the stream's append lock, so the victim's append is inside the server, waiting.
    const holder = store.transaction(async (tx) => {
      await tx.append(streamId, [{ type: "Holder", data: {} }]);
      holding();
      await held;
      throw new Error("roll the holder back");
    });
    await locked;
    const victim = store.append(streamId, Array.from({ length: 20 }, (_, i) => ({ type: "Victim", data: { i } })));
    const victimResult = victim.then(() => "appended", (e: unknown) => e);
    let pid: number | undefined;
    for (let i = 0; i < 200 && pid === undefined; i++) {
      const [row] = await query<{ pid: number }>(database.db, sql`select pid from pg_stat_activity
        where wait_event_type = 'Lock' and query like '%pg_advisory_xact_lock%' and datname = current_database()`);
      pid = row?.pid;
      if (pid === undefined) await new Promise((r) => setTimeout(r, 10));
    }
    expect(pid).toBeDefined();
    await database.db.execute(sql`select pg_terminate_backend(${pid}::int)`);
    const outcome = await victimResult;
    release();
    await expect(holder).rejects.toThrow("roll the holder back");
    expect(outcome).not.toBe("appended");
    const stored = await store.readStream(streamId);
    console.log(`[dropped-connection] victim error="${String((outcome as Error).message).slice(0, 60)}" events=${stored.length}`);
    expect(stored.map((e) => e.type)).toEqual(["First"]);
    expect(await store.streamVersion(streamId)).toBe(1);
  });
});
