import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { demoAccounts } from "@chronicle/api";
import { query } from "@chronicle/event-store";
import { openWebHarness, ORIGIN, type WebHarness } from "../testing/web-harness.ts";

let h: WebHarness;

beforeAll(async () => {
  h = await openWebHarness();
});
afterAll(() => h?.close());

/** better-auth's sign-up answer, without throwing: its status and body. */
async function signUp(name: string, email: string): Promise<{ status: number; body: { message?: string } }> {
  const response = await h.runtime.auth.api.signUpEmail({ body: { name, email, password: "a-good-password" }, asResponse: true, headers: new Headers({ origin: ORIGIN }) });
  return { status: response.status, body: (await response.json().catch(() => ({}))) as { message?: string } };
}

describe("an account and its user in the domain succeed or fail together", () => {
  it("a sign-up the domain would refuse leaves no account behind", async () => {
    const db = h.runtime.platform.database.db;
    for (const [name, email, field] of [["x".repeat(300), "n300@example.com", "name"], [" \t ", "blank@example.com", "name"], ["Long", `${"e".repeat(250)}@example.com`, "email"]] as const) {
      const answer = await signUp(name, email);
      expect(answer.status).toBe(400);
      expect(answer.body.message).toMatch(new RegExp(`^${field}: `));
      expect(await query(db, sql`select 1 from auth_user where email = ${email}`)).toHaveLength(0);
    }
  });

  it("an account whose RegisterUser never ran (the process died in between) is registered at its next sign-in", async () => {
    const context = await h.runtime.auth.$context;
    const db = h.runtime.platform.database.db;
    // The state a failed sign-up leaves: the auth rows, written without the hooks, and no user in the log.
    const id = "half-made-1";
    await db.execute(sql`insert into auth_user (id, name, email, email_verified, role) values (${id}, 'Hal', 'hal@example.com', false, 'customer')`);
    await db.execute(sql`insert into auth_account (id, account_id, provider_id, user_id, password, created_at, updated_at)
      values ('acct-half-made-1', ${id}, 'credential', ${id}, ${await context.password.hash("a-good-password")}, now(), now())`);
    expect(await h.runtime.platform.store.readStream(`user-${id}`)).toHaveLength(0);
    const hal = await h.caller(await h.signIn("hal@example.com", "a-good-password"));
    expect((await hal.session.me())?.id).toBe(id);
    const events = await h.runtime.platform.store.readStream(`user-${id}`);
    expect(events.map((e) => [e.type, e.data.name])).toEqual([["UserRegistered", "Hal"]]);
    // Signing in again repeats nothing.
    await h.signIn("hal@example.com", "a-good-password");
    expect(await h.runtime.platform.store.readStream(`user-${id}`)).toHaveLength(1);
    // And the admin's customers (a projection of the log) have them, which a half-made account never reached.
    const account = demoAccounts.find((a) => a.role === "admin")!;
    const admin = await h.caller(await h.signIn(account.email, account.password));
    await expect.poll(async () => (await admin.admin.customers.list()).some((c) => c.userId === id), { timeout: 20_000 }).toBe(true);
  });
});
