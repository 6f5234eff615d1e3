import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedDemo } from "@chronicle/application";
import { newMasterKeyText, projectionStatuses, query, requestRebuild } from "@chronicle/event-store";
import { describeOnPostgres, waitFor } from "@chronicle/event-store/testing";
import { parseEnv, PlatformEnvSchema } from "./env.ts";
import { createLogger } from "./logger.ts";
import { openPlatform, type Platform } from "./open-platform.ts";
import { startWorkerServices } from "./worker-services.ts";

describeOnPostgres("the app's own database role, on real Postgres", (serverUrl) => {
  const suffix = randomBytes(4).toString("hex");
  const owner = `chronicle_owner_${suffix}`;
  const app = `chronicle_app_${suffix}`;
  const name = `chronicle_roles_${suffix}`;
  const urlAs = (role: string) => {
    const url = new URL(serverUrl);
    url.username = role;
    url.password = "";
    url.pathname = `/${name}`;
    return url.toString();
  };
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  let platform: Platform;

  beforeAll(async () => {
    // What an operator runs once (the README's Postgres setup): two roles, the owner a member of the app's role.
    await admin.unsafe(`create role ${owner} login`);
    await admin.unsafe(`create role ${app} login`);
    await admin.unsafe(`grant ${app} to ${owner}`);
    await admin.unsafe(`create database ${name} owner ${owner}`);
    platform = await openPlatform(
      parseEnv(PlatformEnvSchema, { DATABASE_URL: urlAs(app), MIGRATION_DATABASE_URL: urlAs(owner), SHIP_DELAY_MS: "50", PERSONAL_DATA_MASTER_KEY: newMasterKeyText() }),
      { service: "test", log: createLogger("test", "silent") },
    );
    await seedDemo(platform.store);
  });
  afterAll(async () => {
    await platform?.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`drop role if exists ${app}`);
    await admin.unsafe(`drop role if exists ${owner}`);
    await admin.end();
  });

  it("runs as a role that is not the log's owner", async () => {
    const [row] = await query<{ me: string; events_owner: string }>(platform.database.db,
      sql`select current_user as me, (select tableowner from pg_tables where tablename = 'events') as events_owner`);
    expect(row).toEqual({ me: app, events_owner: owner });
  });

  it("cannot change, delete or truncate an event, nor switch the append-only trigger off", async () => {
    const db = platform.database.db;
    const count = async () => Number((await query<{ n: string }>(db, sql`select count(*) as n from events`))[0]!.n);
    const before = await count();
    const attempts = {
      update: sql`update events set data = '{}'::jsonb`,
      delete: sql`delete from events`,
      truncate: sql`truncate events`,
      "disable trigger": sql`alter table events disable trigger events_append_only`,
      "drop trigger": sql`drop trigger events_append_only on events`,
      "replica mode (skips triggers)": sql`set session_replication_role = replica`,
      "drop table": sql`drop table events`,
    };
    const refused: Record<string, string> = {};
    for (const [what, statement] of Object.entries(attempts)) {
      refused[what] = await db.execute(statement).then(() => "allowed", (error: { cause?: { code?: string }; code?: string }) => error.cause?.code ?? error.code ?? "error");
    }
    console.log(`[app-role] ${Object.entries(refused).map(([what, code]) => `${what}=${code}`).join(" ")}`);
    // 42501: insufficient privilege (or not the owner).
    expect(Object.values(refused)).toEqual(Object.keys(attempts).map(() => "42501"));
    expect(await count()).toBe(before);
  });

  it("appends and reads, and rebuilds a read model (its tables are the app's to replace)", async () => {
    const services = startWorkerServices(platform, { pollIntervalMs: 20 });
    try {
      await waitFor(async () => (await projectionStatuses(platform.store, platform.projections)).every((s) => s.lag === 0 && s.leader !== null), 60_000);
      const orders = async () => (await query<{ order_id: string; status: string }>(platform.database.db, sql`select order_id, status from rm_orders order by order_id`));
      const before = await orders();
      expect(before.map((o) => o.order_id)).toContain("1001");
      await requestRebuild(platform.store, "orders");
      await waitFor(async () => {
        const status = (await projectionStatuses(platform.store, platform.projections)).find((s) => s.name === "orders")!;
        return status.rebuild === null && !status.rebuildRequestedAt && status.lag === 0;
      }, 60_000);
      expect(await orders()).toEqual(before);
    } finally {
      await services.stop();
    }
  });
});
