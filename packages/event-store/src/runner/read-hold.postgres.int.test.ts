import postgres from "postgres";
import { afterAll, beforeAll, expect, it } from "vitest";
import { openDatabase } from "../db/open.ts";
import { migrate } from "../db/migrate.ts";
import type { Database } from "../db/database.ts";
import { createEventStore, type EventStore } from "../store.ts";
import { createTestDatabase, describeOnPostgres } from "../testing/index.ts";
import { projectionStatuses } from "./admin.ts";
import { readHold } from "./read-hold.ts";
import type { Projection } from "./types.ts";

/** Never applied here: its status is what is looked at (no checkpoint yet, so everything of its type is behind). */
const watcher: Projection = { name: "held_watcher", streamTypes: ["held"], tables: [], apply: async () => {} };

describeOnPostgres("a transaction that holds readers back, on real Postgres", (serverUrl) => {
  let database: Database;
  let store: EventStore;
  let holder: postgres.Sql;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const created = await createTestDatabase(serverUrl);
    drop = created.drop;
    database = await openDatabase({ url: created.url, poolSize: 4 });
    await migrate(database);
    store = createEventStore(database);
    holder = postgres(created.url, { max: 1, onnotice: () => {}, connection: { application_name: "held-by-test" } });
  });
  afterAll(async () => {
    await holder?.end();
    await database?.close();
    await drop?.();
  });

  const status = async () => (await projectionStatuses(store, [watcher])).find((s) => s.name === "held_watcher")!;

  it("names the open transaction, and counts the committed events waiting for it apart from the lag", async () => {
    await store.append("held-1", [{ type: "Before", data: {} }, { type: "Before", data: {} }]);
    expect(await status()).toMatchObject({ lag: 2, waiting: 0 });
    expect(await readHold(store)).toEqual({ waiting: 0, blockers: [] });

    const held = await holder.reserve();
    await held`begin`;
    const [backend] = await held<{ pid: number }[]>`select pg_backend_pid() as pid`;
    const pid = backend!.pid;
    // Its first write takes a transaction id: from here on, everything committed after it waits.
    await held`select pg_current_xact_id()`;
    await store.append("held-2", [{ type: "After", data: {} }, { type: "After", data: {} }, { type: "After", data: {} }]);

    const during = await status();
    const hold = await readHold(store);
    console.log(`[read-hold] held pid=${pid}: lag=${during.lag} waiting=${during.waiting} blockers=${hold.blockers.length} ` +
      `(${hold.blockers.map((b) => `pid ${b.pid} ${b.application} ${b.state} "${b.query}"`).join("; ")})`);
    expect(during).toMatchObject({ lag: 2, waiting: 3 });
    expect(hold.waiting).toBe(3);
    expect(hold.blockers).toEqual([expect.objectContaining({
      pid,
      application: "held-by-test",
      database: expect.stringMatching(/^chronicle_test_/),
      state: "idle in transaction",
      query: "select pg_current_xact_id()",
    })]);
    expect(hold.blockers[0]!.ageSeconds).toBeGreaterThanOrEqual(0);

    await held`rollback`;
    held.release();
    expect(await status()).toMatchObject({ lag: 5, waiting: 0 });
    expect(await readHold(store)).toEqual({ waiting: 0, blockers: [] });
  });
});
