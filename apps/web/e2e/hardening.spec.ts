import { connect } from "node:net";
import { expect, test } from "@playwright/test";
import { startApp, type AppProcess } from "./support/app-server";
import { appOrigin } from "./support/env";

/** Sign-ups and sign-ins of their own, on a server of their own: they spend its per-address rate limits. */
test.describe("accounts and client addresses", () => {
  // A server of its own starts in the first hook (migrations, seed): allow it the time a busy machine needs.
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let app: AppProcess;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${app.origin}/api/auth/${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: app.origin, ...headers },
      body: JSON.stringify(body),
    });

  test.beforeAll(async () => {
    app = await startApp("server", { AUTH_ATTEMPTS_PER_MINUTE: "10" });
  });
  test.afterAll(async () => app?.stop());

  test("a sign-up the domain would refuse is refused before any account exists", async () => {
    const cases = [
      { name: "x".repeat(300), email: "long-name@example.com", field: "name" },
      { name: "   ", email: "blank-name@example.com", field: "name" },
      { name: "Long Email", email: `${"e".repeat(250)}@example.com`, field: "email" },
    ];
    for (const { name, email, field } of cases) {
      const response = await post("sign-up/email", { name, email, password: "a-good-password" });
      expect(response.status).toBe(400);
      expect((await response.json()).message).toMatch(new RegExp(`^${field}: `));
      // No half-made account: it cannot sign in.
      expect((await post("sign-in/email", { email, password: "a-good-password" })).status).toBe(401);
    }
  });

  test("the name is the domain's: better-auth's update-user is not there", async () => {
    const signedUp = await post("sign-up/email", { name: "Nina", email: "nina@example.com", password: "a-good-password" });
    expect(signedUp.status).toBe(200);
    const cookie = signedUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    const renamed = await post("update-user", { name: "Someone Else" }, { cookie });
    expect(renamed.status).toBe(404);
    const session = await fetch(`${app.origin}/api/auth/get-session`, { headers: { cookie } });
    expect((await session.json()).user.name).toBe("Nina");
  });

  test("sign-in attempts are limited per client address, whatever X-Forwarded-For claims", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const spoofed = { "x-forwarded-for": `198.51.100.${i}`, "x-chronicle-client-ip": `203.0.113.${i}` };
      statuses.push((await post("sign-in/email", { email: "alice@example.com", password: "not-her-password" }, spoofed)).status);
    }
    console.log(`sign-in attempts with rotating X-Forwarded-For: ${statuses.join(" ")}`);
    // Earlier tests here spent some of this address's ten: whatever is left is 401, then 429 for good.
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(4);
    expect(statuses.slice(statuses.indexOf(429))).toEqual(Array(14 - statuses.indexOf(429)).fill(429));
  });
});

test("a refused chunked body ends its connection instead of leaking into the next request", async () => {
  const url = new URL(appOrigin());
  const outcome = await new Promise<{ head: string; closedByServer: boolean }>((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => {
      socket.write(`POST /api/trpc/cart.add HTTP/1.1\r\nHost: ${url.host}\r\nOrigin: ${url.origin}\r\nContent-Type: application/json\r\n` +
        "Transfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n");
      const chunk = "x".repeat(8192);
      let sent = 0;
      const timer = setInterval(() => {
        if (sent++ < 20 && !socket.destroyed) socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`);
        else clearInterval(timer);
      }, 5);
    });
    let received = "";
    socket.on("data", (data) => (received += data));
    socket.on("error", reject);
    socket.on("close", () => resolve({ head: received.split("\r\n\r\n")[0]!, closedByServer: true }));
    setTimeout(() => resolve({ head: received.split("\r\n\r\n")[0]!, closedByServer: false }), 10_000);
  });
  expect(outcome.head).toMatch(/^HTTP\/1\.1 413/);
  expect(outcome.head).toMatch(/connection: close/i);
  expect(outcome.closedByServer).toBe(true);
});
