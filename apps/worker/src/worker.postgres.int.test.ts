import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { executeShopCommand, seedDemo } from "@chronicle/application";
import {
  createEventStore, openDatabase, projectionStatuses, query, requestRebuild, type Database, type EventStore,
} from "@chronicle/event-store";
import { createTestDatabase, describeOnPostgres, postgresUrl } from "@chronicle/event-store/testing";
import { allProjections, migrateAll } from "@chronicle/platform";
import { shopProjections } from "@chronicle/projections";
import { spawnWorker, type WorkerProcess } from "./worker-process.fixture.ts";

const all = allProjections();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => Promise<boolean>, timeoutMs = 90_000): Promise<void> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not reached within ${timeoutMs} ms`);
    await pause(100);
  }
}

describeOnPostgres("the worker service, as processes on real Postgres", () => {
  let url: string;
  let drop: () => Promise<void>;
  let database: Database;
  let store: EventStore;
  const running: WorkerProcess[] = [];
  let commands = 0;
  let userSeq = 0;

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase(postgresUrl!));
    database = await openDatabase({ url, poolSize: 6 });
    await migrateAll(database);
    store = createEventStore(database);
    await seedDemo(store);
  });
  afterAll(async () => {
    for (const w of running) w.child.kill("SIGKILL");
    await database.close();
    await drop();
  });

  /** Shoppers registering, filling carts and ordering; every 10th round restocks so orders keep being confirmed. */
  async function shop(rounds: number): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      const userId = `load-${++userSeq}`;
      const now = new Date().toISOString();
      await executeShopCommand(store, { type: "RegisterUser", data: { userId, name: `Shopper ${userSeq}`, email: `s${userSeq}@example.com` } }, { now });
      await executeShopCommand(store, { type: "AddProductToCart", data: { userId, productId: ["101", "102", "103"][userSeq % 3]!, quantity: 1 + (userSeq % 3) } }, { now });
      await executeShopCommand(store, { type: "PlaceOrder", data: { userId, orderId: `o-${userSeq}` } }, { now });
      commands += 3;
      if (userSeq % 10 === 0) {
        await executeShopCommand(store, { type: "ReceiveStock", data: { productId: "101", quantity: 5 } }, { now });
        commands++;
      }
    }
  }

  const hashes = async () => {
    const out: Record<string, string> = {};
    for (const table of shopProjections.flatMap((p) => p.tables)) {
      const [row] = await query<{ h: string }>(database.db, sql`select coalesce(md5(string_agg(t::text, '|' order by t::text)), 'empty') as h from ${sql.identifier(table)} t`);
      out[table] = row!.h;
    }
    return out;
  };
  const settled = async () => {
    const statuses = await projectionStatuses(store, all);
    const outbox = await query(database.db, sql`select 1 from fulfillment_outbox where attempts < 5`);
    const open = await query(database.db, sql`select 1 from rm_orders where status = 'pending'`);
    return statuses.every((s) => s.lag === 0 && s.state !== "failed") && outbox.length === 0 && open.length === 0;
  };

  it("kill -9 at random moments, 30 times, under load: read models equal a rebuild, nothing applied twice", async () => {
    const KILLS = 30;
    let seed = 42;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const load = shop(200);
    for (let k = 0; k < KILLS; k++) {
      const worker = spawnWorker(`crash-${k}`, url);
      running.push(worker);
      await pause(300 + Math.floor(random() * 1500));
      worker.child.kill("SIGKILL");
      const { signal } = await worker.exited;
      expect(signal).toBe("SIGKILL");
    }
    await load;
    const final = spawnWorker("final", url);
    running.push(final);
    await until(settled);
    const live = await hashes();
    for (const p of shopProjections) await requestRebuild(store, p.name);
    await until(async () => (await projectionStatuses(store, shopProjections)).every((s) => s.rebuild === null && s.lag === 0)
      && (await query(database.db, sql`select 1 from projection_checkpoints where rebuild_requested_at is not null`)).length === 0);
    const rebuilt = await hashes();
    const duplicates = await query<{ stream_id: string }>(database.db, sql`select stream_id, type from events
      where stream_type = 'order' group by stream_id, type having count(*) > 1`);
    // The worker settles every order as confirmed or rejected; shipping it is the shipping service's business (not here).
    const [orders] = await query<{ confirmed: string; rejected: string; total: string }>(database.db, sql`select
      count(*) filter (where status = 'confirmed') as confirmed, count(*) filter (where status = 'rejected') as rejected, count(*) as total from rm_orders`);
    const [events] = await query<{ n: string }>(database.db, sql`select count(*) as n from events`);
    const equal = Object.keys(live).filter((t) => live[t] === rebuilt[t]).length;
    console.log(`[worker-kill-9] kills=${KILLS} commands=${commands} events=${events!.n} tables=${Object.keys(live).length} `
      + `equalToRebuild=${equal} duplicateOrderEvents=${duplicates.length} orders=${orders!.total} confirmed=${orders!.confirmed} rejected=${orders!.rejected}`);
    expect(rebuilt).toEqual(live);
    expect(duplicates).toEqual([]);
    expect(Number(orders!.confirmed) + Number(orders!.rejected)).toBe(Number(orders!.total));
    final.child.kill("SIGTERM");
    const exit = await final.exited;
    expect(exit.code).toBe(0);
    expect(final.output()).not.toMatch(/"level":(50|60)/);
  });

  it("several workers at once: one leader per projection, a killed leader is replaced, lag returns to 0", async () => {
    const workers = ["w1", "w2", "w3"].map((id) => spawnWorker(id, url));
    running.push(...workers);
    const load = shop(60);
    const ids = workers.map((w) => w.id);
    await until(async () => (await projectionStatuses(store, all)).every((s) => s.leader !== null && ids.includes(s.leader)));
    const leaderId = (await projectionStatuses(store, all)).find((s) => s.name === "catalog")!.leader!;
    const leader = workers.find((w) => w.id === leaderId)!;
    const killedAt = Date.now();
    leader.child.kill("SIGKILL");
    await until(async () => {
      const catalog = (await projectionStatuses(store, all)).find((s) => s.name === "catalog")!;
      return catalog.leader !== null && catalog.leader !== leaderId;
    });
    const takeoverMs = Date.now() - killedAt;
    await load;
    await until(settled);
    const live = await hashes();
    const statuses = await projectionStatuses(store, all);
    console.log(`[worker-failover] workers=3 killedLeader=${leaderId} takeoverMs=${takeoverMs} `
      + `lags=${statuses.map((s) => `${s.name}:${s.lag}`).join(",")} leaders=${[...new Set(statuses.map((s) => s.leader))].join(",")}`);
    expect(takeoverMs).toBeLessThan(15_000);
    expect(statuses.every((s) => s.lag === 0 && s.error === null)).toBe(true);
    for (const p of shopProjections) await requestRebuild(store, p.name);
    await until(async () => (await projectionStatuses(store, shopProjections)).every((s) => s.rebuild === null)
      && (await query(database.db, sql`select 1 from projection_checkpoints where rebuild_requested_at is not null`)).length === 0);
    expect(await hashes()).toEqual(live);
    for (const w of workers) if (w !== leader) w.child.kill("SIGTERM");
    for (const w of workers) if (w !== leader) expect((await w.exited).code).toBe(0);
  });
});
