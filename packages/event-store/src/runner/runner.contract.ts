import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { query, type Database } from "../db/database.ts";
import { createEventStore, type EventStore } from "../store.ts";
import { openTestDatabase, waitFor, type TestDriver } from "../testing/index.ts";
import { projectionStatuses, requestRebuild, retryProjection, skipFailedEvent } from "./admin.ts";
import { startProjectionRunner, type ProjectionRunner } from "./runner.ts";
import { rebuildStep, startRebuild } from "./rebuild.ts";
import { countingProjection, createTestTables, createTypesSeenTable, typesSeenProjection } from "./test-projections.fixture.ts";

export function projectionRunnerContract(driver: TestDriver): void {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  let runner: ProjectionRunner | undefined;
  let poison: string | undefined;
  const counting = countingProjection("test_counts", { failOn: () => poison });
  const typesSeen = typesSeenProjection();
  const projections = [counting, typesSeen];
  const count = async (type: string) =>
    Number((await query<{ n: string }>(database.db, sql`select n from test_counts where type = ${type}`))[0]?.n ?? 0);
  const status = async (name: string) => (await projectionStatuses(store, projections)).find((s) => s.name === name)!;
  const countEvents = async (streamTypes: string[]) => Number((await query<{ n: string }>(database.db,
    sql`select count(*) as n from events where stream_type = any(string_to_array(${streamTypes.join(",")}, ','))`))[0]!.n);
  const fast = { pollIntervalMs: 50, takeoverIntervalMs: 50, retry: { attempts: 2, baseDelayMs: 5 } };

  beforeAll(async () => {
    ({ database, close } = await openTestDatabase(driver));
    store = createEventStore(database);
    await createTestTables(database.db);
    await createTypesSeenTable(database.db);
  });
  afterAll(async () => {
    await runner?.stop();
    await close();
  });

  it("applies events in batches with its checkpoint, and reports itself running with no lag", async () => {
    for (let i = 0; i < 30; i++) await store.append(`order-${i % 3}`, [{ type: "Placed", data: { i } }, { type: "Paid", data: { i } }]);
    runner = startProjectionRunner(store, projections, { ...fast, batchSize: 7, instanceId: "first" });
    await waitFor(async () => (await count("Placed")) === 30 && (await count("Paid")) === 30);
    const s = await status("test_counts");
    expect(s).toMatchObject({ state: "running", lag: 0, leader: "first", error: null });
    expect(s.checkpoint).toEqual(await store.headCheckpoint());
  });

  it("halts only the projection that cannot apply an event, shows the error, resumes on retry", async () => {
    poison = "Poison";
    await store.append("order-p", [{ type: "Before", data: {} }, { type: "Poison", data: {} }, { type: "After", data: {} }]);
    await waitFor(async () => (await status("test_counts")).state === "failed");
    const halted = await status("test_counts");
    expect(halted.error?.message).toContain("cannot apply Poison");
    const [poisonEvent] = (await store.readStream("order-p")).filter((e) => e.type === "Poison");
    expect(halted.error?.eventId).toBe(poisonEvent!.eventId);
    expect(await count("Before")).toBe(1); // everything before the poison event is applied
    expect(await count("After")).toBe(0);
    // The sibling goes on.
    await waitFor(async () => (await status("test_types_seen")).lag === 0);
    expect((await query(database.db, sql`select 1 from test_types_seen where type = 'After'`)).length).toBe(1);
    poison = undefined; // "the fix"
    await retryProjection(store, "test_counts");
    await waitFor(async () => (await count("After")) === 1);
    expect(await count("Poison")).toBe(1);
    expect((await status("test_counts")).state).toBe("running");
  });

  it("skips a poison event on request, and records the skip in the log", async () => {
    poison = "Poison2";
    await store.append("order-q", [{ type: "Poison2", data: {} }, { type: "AfterSkip", data: {} }]);
    await waitFor(async () => (await status("test_counts")).state === "failed");
    await skipFailedEvent(store, "test_counts", "admin:1");
    await waitFor(async () => (await count("AfterSkip")) === 1);
    expect(await count("Poison2")).toBe(0);
    const [skip] = await store.readStream("projection-test_counts");
    expect(skip).toMatchObject({ type: "ProjectionEventSkipped", metadata: { actor: "admin:1" }, data: { projection: "test_counts" } });
    expect((await status("test_counts")).skipped).toBe(1);
    poison = undefined;
  });

  it("rebuilds into fresh tables while the live ones serve, reports progress, then swaps", async () => {
    for (let i = 0; i < 200; i++) await store.append(`cart-r${i % 5}`, [{ type: "Added", data: { i } }]);
    await waitFor(async () => (await count("Added")) === 200);
    const rows = async () => (await query<{ type: string; n: string | number }>(database.db, sql`select type, n from test_counts order by type`))
      .map((r) => [r.type, Number(r.n)] as const);
    const before = await rows();
    // Step the first part by hand, so the progress in between is observed deterministically.
    await runner!.stop();
    await requestRebuild(store, "test_counts");
    await startRebuild(database, counting);
    expect((await status("test_counts")).rebuild).toMatchObject({ done: 0, total: (await countEvents(["order", "cart"])) });
    await rebuildStep(database, counting, 50, fast.retry);
    const progress = (await status("test_counts")).rebuild!;
    expect(progress.done).toBe(50);
    expect(progress.total).toBeGreaterThan(200);
    expect((await status("test_counts")).state).toBe("rebuilding");
    expect(await rows()).toEqual(before); // the live tables keep serving meanwhile
    runner = startProjectionRunner(store, projections, { ...fast, batchSize: 7, instanceId: "second" });
    await waitFor(async () => {
      const s = await status("test_counts");
      return s.rebuild === null && s.state === "running";
    });
    // Same rows, minus what was skipped (a rebuild replays history, and the skipped event is no poison any more).
    const after = await rows();
    expect(after.filter(([type]) => type !== "Poison2")).toEqual(before);
    expect(after.find(([type]) => type === "Poison2")?.[1]).toBe(1);
  });

  it("keeps the migration's names of indexes and constraints across a rebuild, so the next migration finds them", async () => {
    const names = async () => (await query<{ name: string }>(database.db, sql`select c.relname as name from pg_index x
      join pg_class c on c.oid = x.indexrelid where x.indrelid in ('test_counts'::regclass, 'test_applied'::regclass)
      union all select conname from pg_constraint where conrelid in ('test_counts'::regclass, 'test_applied'::regclass)
      order by 1`)).map((r) => r.name);
    await database.db.execute(sql`create index if not exists test_applied_position_idx on test_applied (position)`);
    const before = await names();
    expect(before).toEqual(expect.arrayContaining(["test_applied_pkey", "test_applied_position_idx", "test_counts_pkey"]));
    await requestRebuild(store, "test_counts");
    await waitFor(async () => (await status("test_counts")).rebuild === null && !(await status("test_counts")).rebuildRequestedAt);
    await waitFor(async () => (await query(database.db, sql`select 1 from pg_class where relname = 'test_counts__rebuild'`)).length === 0);
    expect(await names()).toEqual(before);
    // What a later migration does with a name it was given: it must find it.
    await database.db.execute(sql`alter index test_applied_position_idx rename to test_applied_position_idx2`);
    await database.db.execute(sql`alter table test_counts drop constraint test_counts_pkey, add constraint test_counts_pkey primary key (type)`);
  });
}