import { request as httpRequest } from "node:http";
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { apiAs } from "./support/accounts";
import { appOrigin } from "./support/env";
import { trpcQuery, type AuditEvent, type Cart, type CatalogProduct } from "./support/trpc";

/** One way a forged (or oversized) request may arrive, built on an HTTP client that carries the victim's cookie. */
interface Attack {
  name: string;
  send(api: APIRequestContext, path: string, json: string): Promise<APIResponse>;
}

const evil = "http://evil.example";
const attacks: Attack[] = [
  { name: "text/plain, allowed origin", send: (api, path, json) => api.post(path, { data: json, headers: { "content-type": "text/plain", origin: appOrigin() } }) },
  { name: "text/plain, foreign origin", send: (api, path, json) => api.post(path, { data: json, headers: { "content-type": "text/plain;charset=UTF-8", origin: evil } }) },
  { name: "multipart/form-data (JSON in a field)", send: (api, path, json) => api.post(path, { multipart: { input: json }, headers: { origin: appOrigin() } }) },
  { name: "urlencoded (JSON in a field)", send: (api, path, json) => api.post(path, { form: { input: json }, headers: { origin: appOrigin() } }) },
  { name: "JSON, foreign origin", send: (api, path, json) => api.post(path, { data: json, headers: { "content-type": "application/json", origin: evil } }) },
  { name: "JSON, no origin", send: (api, path, json) => api.post(path, { data: json, headers: { "content-type": "application/json" } }) },
  { name: "JSON, origin 'null' (sandboxed frame)", send: (api, path, json) => api.post(path, { data: json, headers: { "content-type": "application/json", origin: "null" } }) },
  {
    name: "JSON, look-alike origin",
    send: (api, path, json) => api.post(path, { data: json, headers: { "content-type": "application/json", origin: `${appOrigin()}.evil.example` } }),
  },
  {
    name: "JSON, allowed origin, 100 KB body",
    send: (api, path, json) =>
      api.post(path, { data: `${json.slice(0, -1)},"pad":"${"x".repeat(100 * 1024)}"}`, headers: { "content-type": "application/json", origin: appOrigin() } }),
  },
  {
    name: "JSON, allowed origin, batch of 11",
    send: (api, path, json) => {
      const procedure = path.replace("/api/trpc/", "");
      const body = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [String(i), JSON.parse(json)]));
      return api.post(`/api/trpc/${Array(11).fill(procedure).join(",")}?batch=1`, { data: JSON.stringify(body), headers: { "content-type": "application/json", origin: appOrigin() } });
    },
  },
];

/** A 100 KB body streamed in chunks without a content-length: the limit holds while reading, not only by header. */
async function chunkedOversizedPost(cookie: string, path: string, json: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${appOrigin()}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: appOrigin(), cookie, "transfer-encoding": "chunked" },
    });
    req.on("response", (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    // The server may answer and close before the whole body is sent.
    req.on("error", (error) => ((error as NodeJS.ErrnoException).code === "EPIPE" || (error as NodeJS.ErrnoException).code === "ECONNRESET" ? resolve(413) : reject(error)));
    req.write(json.slice(0, -1) + ',"pad":"');
    for (let i = 0; i < 100; i++) req.write("x".repeat(1024));
    req.end('"}');
  });
}

interface Row {
  target: string;
  attack: string;
  status: number;
}

const matrix: Row[] = [];
/** Events written and read-model values changed by forged requests (the controls excluded): must stay 0. */
let stateChanges = 0;

async function cookieHeader(api: APIRequestContext): Promise<string> {
  const { cookies } = await api.storageState();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** Every event in the given stream, from the admin audit log (the log is the truth; projections may lag). */
async function eventsIn(admin: APIRequestContext, streamId: string): Promise<number> {
  const reply = await trpcQuery<{ events: AuditEvent[] }>(admin, "admin.audit.list", { filter: { streamId }, limit: 200 });
  expect(reply.status).toBe(200);
  return reply.data!.events.length;
}

test.describe("CSRF and request limits on /api/trpc", () => {
  test.afterAll(() => {
    const refused = matrix.filter((r) => r.status >= 400 && r.status < 500).length;
    console.log("\nCSRF matrix (target · attack · HTTP status):");
    for (const r of matrix) console.log(`  ${r.target.padEnd(28)} ${r.attack.padEnd(40)} ${r.status}`);
    const controls = matrix.filter((r) => r.attack.startsWith("control"));
    console.log(`  ${matrix.length - controls.length} forged cases, ${refused} refused (4xx), ${stateChanges} state changes; ${controls.filter((r) => r.status === 200).length}/${controls.length} controls served`);
  });

  test("cart.add as a signed-in customer: every forged shape is refused and the cart does not change", async () => {
    const testInfo = test.info();
    const alice = await apiAs(testInfo, "alice");
    const admin = await apiAs(testInfo, "admin");
    try {
      const path = "/api/trpc/cart.add";
      const json = JSON.stringify({ productId: "104", quantity: 1 });
      const cartBefore = await trpcQuery<Cart>(alice, "cart.get");
      const eventsBefore = await eventsIn(admin, "cart-1");
      for (const attack of attacks) {
        const response = await attack.send(alice, path, json);
        matrix.push({ target: "cart.add (customer)", attack: attack.name, status: response.status() });
        expect(response.status(), attack.name).toBeGreaterThanOrEqual(400);
        expect(response.status(), attack.name).toBeLessThan(500);
      }
      const chunked = await chunkedOversizedPost(await cookieHeader(alice), path, json);
      matrix.push({ target: "cart.add (customer)", attack: "JSON, 100 KB chunked, no content-length", status: chunked });
      expect(chunked).toBe(413);

      const eventsAfter = await eventsIn(admin, "cart-1");
      const cartAfter = await trpcQuery<Cart>(alice, "cart.get");
      console.log(`cart.add: ${attacks.length + 1} forged requests, ${eventsAfter - eventsBefore} new events in cart-1`);
      stateChanges += eventsAfter - eventsBefore + (JSON.stringify(cartAfter.data!.items) === JSON.stringify(cartBefore.data!.items) ? 0 : 1);
      expect(eventsAfter - eventsBefore, "no event was written").toBe(0);
      expect(cartAfter.data!.items).toEqual(cartBefore.data!.items);

      // The control: the same command, sent the way the app sends it, goes through.
      const control = await alice.post(path, { data: json, headers: { "content-type": "application/json", origin: appOrigin() } });
      matrix.push({ target: "cart.add (customer)", attack: "control: JSON, allowed origin", status: control.status() });
      expect(control.status()).toBe(200);
      expect(await eventsIn(admin, "cart-1")).toBe(eventsBefore + 1);
    } finally {
      await alice.dispose();
      await admin.dispose();
    }
  });

  test("admin.products.changePrice as an admin: every forged shape is refused and the price does not change", async ({ request }, testInfo) => {
    const admin = await apiAs(testInfo, "admin");
    try {
      const path = "/api/trpc/admin.products.changePrice";
      const json = JSON.stringify({ productId: "104", price: { amount: 1, currency: "EUR" } });
      const priceOf104 = async () => (await trpcQuery<CatalogProduct[]>(request, "catalog.list")).data!.find((p) => p.productId === "104")!.price.amount;
      const priceBefore = await priceOf104();
      const eventsBefore = await eventsIn(admin, "product-104");
      for (const attack of attacks) {
        const response = await attack.send(admin, path, json);
        matrix.push({ target: "changePrice (admin)", attack: attack.name, status: response.status() });
        expect(response.status(), attack.name).toBeGreaterThanOrEqual(400);
        expect(response.status(), attack.name).toBeLessThan(500);
      }
      const chunked = await chunkedOversizedPost(await cookieHeader(admin), path, json);
      matrix.push({ target: "changePrice (admin)", attack: "JSON, 100 KB chunked, no content-length", status: chunked });
      expect(chunked).toBe(413);

      const eventsAfter = await eventsIn(admin, "product-104");
      console.log(`changePrice: ${attacks.length + 1} forged requests, ${eventsAfter - eventsBefore} new events in product-104`);
      const priceAfter = await priceOf104();
      stateChanges += eventsAfter - eventsBefore + (priceAfter === priceBefore ? 0 : 1);
      expect(eventsAfter - eventsBefore, "no event was written").toBe(0);
      expect(priceAfter).toBe(priceBefore);

      const control = await admin.post(path, { data: JSON.stringify({ productId: "104", price: { amount: priceBefore + 100, currency: "EUR" } }), headers: { "content-type": "application/json", origin: appOrigin() } });
      matrix.push({ target: "changePrice (admin)", attack: "control: JSON, allowed origin", status: control.status() });
      expect(control.status()).toBe(200);
      expect(await eventsIn(admin, "product-104")).toBe(eventsBefore + 1);
      await expect.poll(priceOf104).toBe(priceBefore + 100);
    } finally {
      await admin.dispose();
    }
  });

  test("a batch of 11 queries is refused; 10 are served", async ({ request }) => {
    const batch = (n: number) => `/api/trpc/${Array(n).fill("catalog.list").join(",")}?batch=1&input=${encodeURIComponent("{}")}`;
    const eleven = await request.get(batch(11));
    matrix.push({ target: "catalog.list (visitor)", attack: "GET batch of 11", status: eleven.status() });
    expect(eleven.status()).toBe(413);
    expect((await request.get(batch(10))).status()).toBe(200);
  });
});

test.describe("security headers", () => {
  for (const [kind, path] of [["an HTML page", "/"], ["an API response", "/api/trpc/catalog.list"], ["a refused API request", "/api/trpc/catalog.list,catalog.list,catalog.list,catalog.list,catalog.list,catalog.list,catalog.list,catalog.list,catalog.list,catalog.list,catalog.list?batch=1"]] as const) {
    test(`on ${kind}`, async ({ request }) => {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(headers["content-security-policy"]).toContain("default-src 'self'");
      expect(headers["x-content-type-options"]).toBe("nosniff");
      expect(headers["x-frame-options"]).toBe("DENY");
      expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
      expect(headers["x-powered-by"]).toBeUndefined();
    });
  }
});
