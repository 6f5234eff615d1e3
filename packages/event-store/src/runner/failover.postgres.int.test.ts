import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { query, type Database } from "../db/database.ts";
import { createEventStore, type EventStore } from "../store.ts";
import { describeOnPostgres, openTestDatabase, waitFor } from "../testing/index.ts";
import { projectionStatuses } from "./admin.ts";
import { startProjectionRunner, type ProjectionRunner } from "./runner.ts";
import { countingProjection, createTestTables } from "./test-projections.fixture.ts";

describeOnPostgres("projection runners competing on real Postgres", () => {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  const runners: ProjectionRunner[] = [];
  const projection = countingProjection();
  beforeAll(async () => {
    ({ database, close } = await openTestDatabase("postgres", { poolSize: 12 }));
    store = createEventStore(database);
    await createTestTables(database.db);
  });
  afterAll(async () => {
    await Promise.all(runners.map((r) => r.stop()));
    await close();
  });

  it("three runners under load: one leads, none applies an event twice; killing the leader hands over", async () => {
    const options = { pollIntervalMs: 100, takeoverIntervalMs: 200, batchSize: 50 };
    for (const id of ["a", "b", "c"]) runners.push(startProjectionRunner(store, [projection], { ...options, instanceId: `runner-${id}` }));
    let appended = 0;
    const load = async (until: () => boolean) => {
      while (!until()) {
        await store.append(`order-${appended % 20}`, [{ type: "Placed", data: {} }, { type: "Paid", data: {} }]);
        appended += 2;
      }
    };
    await load(() => appended >= 2000);
    await waitFor(async () => runners.filter((r) => r.leading().length > 0).length === 1);
    const leader = runners.find((r) => r.leading().length > 0)!;
    // Kill the leader's lock connection, as a crash would, while appends go on.
    const [lock] = await query<{ pid: number }>(database.db, sql`select pid from pg_locks where locktype = 'advisory'
      and classid = 1129530189 and objid = (hashtext(${projection.name})::bigint & 4294967295)::oid and granted`);
    const killedAt = Date.now();
    await database.db.execute(sql`select pg_terminate_backend(${lock!.pid}::int)`);
    // Appends go on while the others take over: the takeover time is measured on its own, not after the load.
    const moreLoad = load(() => appended >= 4000);
    await waitFor(async () => runners.some((r) => r !== leader && r.leading().length > 0));
    const takeoverMs = Date.now() - killedAt;
    // The old leader notices on its own (its next look at its connection fails or times out), and reconnects as a
    // follower: the new leader holds the lock now.
    await waitFor(() => leader.connectionLosses > 0, 30_000);
    await moreLoad;
    await waitFor(async () => (await projectionStatuses(store, [projection]))[0]!.lag === 0, 120_000);
    const [applied] = await query<{ n: string; distinct_n: string }>(database.db, sql`select count(*) as n, count(distinct event_id) as distinct_n from test_applied`);
    const counted = await query<{ n: string }>(database.db, sql`select coalesce(sum(n), 0) as n from test_counts`);
    const status = (await projectionStatuses(store, [projection]))[0]!;
    console.log(`[projection-failover] runners=3 events=${appended} applied=${applied!.n} doubleApplied=${Number(applied!.n) - Number(applied!.distinct_n)} `
      + `counted=${counted[0]!.n} takeoverMs=${takeoverMs} newLeader=${status.leader} state=${status.state}`);
    expect(Number(applied!.n)).toBe(appended);
    expect(Number(counted[0]!.n)).toBe(appended);
    expect(status.error).toBeNull();
    expect(status.leader).not.toBe(leader.instanceId);
    expect(takeoverMs).toBeLessThan(10_000);
  }, 240_000);
});
