import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { demoAccounts } from "@chronicle/api";
import { forgetCustomer } from "@chronicle/application";
import { codeOf, openWebHarness, ORIGIN, type WebHarness } from "../testing/web-harness.ts";

let h: WebHarness;

beforeAll(async () => {
  h = await openWebHarness();
});
afterAll(() => h?.close());

const admin = demoAccounts.find((a) => a.role === "admin")!;

/** The cookies a browser holds after it applied a response's Set-Cookie headers to the ones it had. */
function applySetCookie(before: Headers, response: Response): Headers {
  const jar = new Map(before.get("cookie")!.split("; ").map((c) => c.split("=") as [string, string]));
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(";");
    const [name, value] = pair!.split("=") as [string, string];
    const expired = value === "" || attributes.some((a) => /max-age=0\b/i.test(a.trim()));
    if (expired) jar.delete(name);
    else jar.set(name, value);
  }
  return new Headers({ cookie: [...jar].map(([n, v]) => `${n}=${v}`).join("; "), origin: ORIGIN });
}

describe("sessions from the signed cookie cache", () => {
  it("a shopper's request is answered from the cookie cache, without the session row", async () => {
    const cookies = await h.signUp("Cache Shopper", "cache-shopper@example.com");
    expect(cookies.get("cookie")).toMatch(/chronicle\.session_data=/);
    const db = h.runtime.platform.database.db;
    const userId = (await (await h.caller(cookies)).session.me())!.id;
    // Taken away behind the cache's back: the cache still vouches for the session (for at most its age) …
    await db.execute(sql`delete from auth_session where user_id = ${userId}`);
    expect(await codeOf((await h.caller(cookies)).cart.get())).toBe("OK");
    // … and without the cache the same session token is unknown.
    const tokenOnly = new Headers({ cookie: cookies.get("cookie")!.split("; ").filter((c) => !c.startsWith("chronicle.session_data")).join("; "), origin: ORIGIN });
    expect(await codeOf((await h.caller(tokenOnly)).cart.get())).toBe("UNAUTHORIZED");
  });

  it("signing out removes the cache with the session: the browser is anonymous at once", async () => {
    const cookies = await h.signUp("Leaving Shopper", "leaving-shopper@example.com");
    expect(await codeOf((await h.caller(cookies)).cart.get())).toBe("OK");
    const out = await h.runtime.auth.api.signOut({ headers: cookies, asResponse: true });
    expect(out.ok).toBe(true);
    const after = applySetCookie(cookies, out);
    expect(after.get("cookie")).not.toMatch(/session_data|session_token/);
    expect(await codeOf((await h.caller(after)).cart.get())).toBe("UNAUTHORIZED");
  });

  it("the admin's procedures check the database: a session signed out elsewhere or a role taken away is refused at once", async () => {
    const db = h.runtime.platform.database.db;
    const cookies = await h.signIn(admin.email, admin.password);
    expect(await codeOf((await h.caller(cookies)).admin.customers.list())).toBe("OK");
    await db.execute(sql`update auth_user set role = 'customer' where email = ${admin.email}`);
    try {
      // The cookie cache still says admin; the database does not.
      expect((await (await h.caller(cookies)).session.me())?.role).toBe("admin");
      expect(await codeOf((await h.caller(cookies)).admin.customers.list())).toBe("FORBIDDEN");
    } finally {
      await db.execute(sql`update auth_user set role = 'admin' where email = ${admin.email}`);
    }
    await db.execute(sql`delete from auth_session where user_id = (select id from auth_user where email = ${admin.email})`);
    expect(await codeOf((await h.caller(cookies)).admin.customers.list())).toBe("UNAUTHORIZED");
  });

  it("a customer forgotten by another process: their cached session is no session once the log says so", async () => {
    const cookies = await h.signUp("Elsewhere Shopper", "elsewhere-shopper@example.com");
    const userId = (await (await h.caller(cookies)).session.me())!.id;
    // Another process (another web server, the CLI) records the forget and deletes the account: this process's
    // API was not called, and the cookie cache still vouches for the session …
    await forgetCustomer(h.runtime.platform.store, userId, "admin", { now: new Date().toISOString(), correlationId: "elsewhere", actor: "admin:other", commandId: `server:forget:${userId}` });
    await h.runtime.platform.database.db.execute(sql`delete from auth_user where id = ${userId}`);
    // … until the next look at the log (a poll every second; called here so the test does not wait on a clock).
    await h.runtime.services.closedAccounts.refresh();
    expect(await (await h.caller(cookies)).session.me()).toBeNull();
    expect(await codeOf((await h.caller(cookies)).cart.get())).toBe("UNAUTHORIZED");
  });
});
