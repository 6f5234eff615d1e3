import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { demoAccounts } from "@chronicle/api";
import { executeShopCommand, replay } from "@chronicle/application";
import { ERASED, overviewReducer } from "@chronicle/domain";
import { query, rebuildProjection } from "@chronicle/event-store";
import { createTestDatabase, postgresUrl, waitFor } from "@chronicle/event-store/testing";
import { overview as overviewFromProjections } from "@chronicle/projections";
import { openWebHarness, type Caller, type WebHarness } from "../testing/web-harness.ts";

const NAME = "Quentin Forgetful";
const FIRST_EMAIL = "quentin.first@example.com";
const SECOND_EMAIL = "quentin.second@example.org";

/** Every form the app could write a value in: as is, JSON-escaped, base64 at each alignment, hex (pg_dump's bytea). */
export function encodedForms(value: string): string[] {
  const bytes = Buffer.from(value, "utf8");
  const base64 = [0, 1, 2].map((pad) => {
    const encoded = Buffer.concat([Buffer.alloc(pad), bytes]).toString("base64");
    // Drop the characters that mix in the padding, and the last group that depends on what follows.
    return encoded.slice(Math.ceil((pad * 4) / 3) + (pad ? 1 : 0), encoded.length - 4);
  });
  return [...new Set([value, JSON.stringify(value).slice(1, -1), value.toLowerCase(), ...base64, bytes.toString("hex")])].filter((form) => form.length >= 8);
}

export function countOccurrences(haystack: Buffer, needles: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const needle of needles) {
    let count = 0;
    for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) count++;
    counts[needle] = count;
  }
  return counts;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

/**
 * The right to be forgotten, end to end through the API, and the proof that nothing of the person is left: a
 * customer registers, changes their email, shops and orders, then deletes their account. Run on PGlite (the data
 * folder is scanned) and on Postgres (pg_dump of the whole database is scanned).
 */
export function forgetContract(driver: "pglite" | "postgres"): void {
  let h: WebHarness;
  let drop: (() => Promise<void>) | undefined;
  let databaseUrl = "";
  let admin: Caller;
  let shopper: Caller;
  let shopperHeaders: Headers;
  let userId = "";
  const needles = [NAME, FIRST_EMAIL, SECOND_EMAIL].flatMap(encodedForms);
  const totals = async () => {
    const db = h.runtime.platform.database.db;
    const [orders] = await query<{ n: string; total: string }>(db, sql`select count(*) as n, coalesce(sum(total_amount), 0) as total from rm_orders`);
    const [sales] = await query<{ total: string }>(db, sql`select coalesce(sum(revenue), 0)::text as total from rm_sales_per_day`);
    return { orders: Number(orders!.n), ordered: Number(orders!.total), revenue: Number(sales!.total) };
  };

  beforeAll(async () => {
    if (driver === "postgres") {
      const created = await createTestDatabase(postgresUrl!);
      drop = created.drop;
      databaseUrl = created.url;
      h = await openWebHarness({ DATABASE_URL: databaseUrl, WORKER: "inline" });
    } else {
      h = await openWebHarness();
    }
    const account = demoAccounts.find((a) => a.role === "admin")!;
    admin = await h.caller(await h.signIn(account.email, account.password));
    shopperHeaders = await h.signUp(NAME, FIRST_EMAIL);
    shopper = await h.caller(shopperHeaders);
    userId = (await shopper.session.me())!.id;
  }, 120_000);
  let closed = false;
  afterAll(async () => {
    if (!closed) await h?.close();
    await drop?.();
  });

  it("a customer who registered, changed their email, shopped and ordered deletes their account: everything else adds up", async () => {
    const { store } = h.runtime.platform;
    await executeShopCommand(store, { type: "ChangeUserEmail", data: { userId, email: SECOND_EMAIL } }, { now: new Date().toISOString(), actor: `user:${userId}` });
    await shopper.cart.add({ productId: "102", quantity: 2 });
    const { orderId, checkpoint } = await shopper.orders.checkout({ orderId: "forget-order-1" });
    expect((await shopper.orders.get({ orderId, after: checkpoint! })).fresh).toBe(true);
    // The shipping service takes it from there: shipped, then delivered (both quickly in the harness).
    await waitFor(async () => ["shipped", "delivered"].includes((await shopper.orders.get({ orderId })).order.status), 30_000);
    const before = await totals();
    const customerBefore = (await admin.admin.customers.get({ userId })).customer;
    expect(customerBefore).toMatchObject({ name: NAME, orders: 1 });
    const exported = await admin.admin.customers.export({ userId });
    expect(exported.events.map((e) => e.type)).toEqual(expect.arrayContaining(["UserRegistered", "UserEmailChanged", "ProductAddedToCart", "OrderPlaced"]));
    expect(JSON.stringify(exported)).toContain(SECOND_EMAIL);

    const receipt = await shopper.account.deleteMine({ confirm: true });
    expect(receipt).toMatchObject({ forgotten: true, accountClosed: true, compacted: driver === "pglite" ? "full" : "vacuum" });
    console.log(`forget on ${driver}: compacted=${receipt.compacted}`);

    // The account is closed: signing in is refused, the old session is gone.
    await expect(h.signIn(FIRST_EMAIL, "correct-horse-battery")).rejects.toThrow(/auth answered 401/);
    expect(await (await h.caller(shopperHeaders)).session.me()).toBeNull();
    // Every read shows the fields as erased; orders and revenue still add up.
    const customerAfter = (await admin.admin.customers.get({ userId, after: receipt.checkpoint! })).customer;
    expect(customerAfter).toMatchObject({ name: ERASED, orders: customerBefore.orders, spent: customerBefore.spent });
    expect(await totals()).toEqual(before);
    const audit = await admin.admin.audit.list({ filter: { streamId: `user-${userId}` } });
    const registered = audit.events.find((e) => e.type === "UserRegistered")!;
    expect(registered.data).toMatchObject({ name: ERASED, email: ERASED });
    expect(audit.events.find((e) => e.type === "UserEmailChanged")!.data).toMatchObject({ email: ERASED });
    const afterExport = await admin.admin.customers.export({ userId });
    expect(afterExport.events.length).toBe(exported.events.length + 1);
    expect(JSON.stringify(afterExport)).not.toMatch(/Quentin|quentin/);
    // Forgetting twice is a no-op.
    expect(await admin.admin.customers.forget({ userId })).toMatchObject({ forgotten: false, accountClosed: false });

    // A rebuild of every projection and a full replay succeed, and agree.
    for (const projection of h.runtime.platform.projections) await rebuildProjection(h.runtime.platform.database, projection);
    expect(await totals()).toEqual(before);
    const replayed = await replay(store, overviewReducer);
    expect(replayed.users.find((u) => u.userId === userId)).toEqual({ userId, name: ERASED });
    expect(await overviewFromProjections(h.runtime.platform.database.db)).toEqual(replayed);
  }, 180_000);

  it(`${driver === "postgres" ? "pg_dump of the whole database" : "the PGlite data folder"} holds no trace of their name or either email`, async () => {
    let found: Record<string, number>;
    let scanned: string;
    if (driver === "postgres") {
      const dump = execFileSync("pg_dump", ["--no-owner", databaseUrl], { maxBuffer: 1 << 30 });
      scanned = `pg_dump: ${dump.length} bytes`;
      found = countOccurrences(dump, needles);
      // The check can fail: the dump does hold another customer's (Alice's) email, in the auth table.
      expect(countOccurrences(dump, ["alice@example.com"])["alice@example.com"]).toBeGreaterThan(0);
    } else {
      const dir = h.runtime.platform.env.PGLITE_DIR;
      await h.runtime.platform.database.db.execute(sql`checkpoint`);
      await h.runtime.close();
      closed = true;
      const files = filesUnder(dir);
      const total = Buffer.concat(files.map((file) => readFileSync(file)));
      scanned = `${files.length} files, ${total.length} bytes`;
      found = countOccurrences(total, needles);
      const where = files.filter((file) => Object.values(countOccurrences(readFileSync(file), needles)).some((n) => n > 0));
      if (where.length > 0) console.log(`found in: ${where.map((file) => path.relative(dir, file)).join(", ")}`);
      expect(countOccurrences(total, ["alice@example.com"])["alice@example.com"]).toBeGreaterThan(0);
      rmSync(dir, { recursive: true, force: true });
    }
    const hits = Object.entries(found).filter(([, n]) => n > 0);
    console.log(`forget proof on ${driver}: scanned ${scanned} for ${needles.length} encoded forms of the name and both emails: ${hits.length === 0 ? "0 occurrences" : JSON.stringify(hits)}`);
    expect(hits).toEqual([]);
  }, 120_000);
}
