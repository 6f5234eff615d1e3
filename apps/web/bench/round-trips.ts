/**
 * `pnpm --filter @chronicle/web run bench:trips`: database round trips per request of the production server on
 * Postgres, counted on the wire (see wire-counter.ts), one request at a time, with the worker's services off so
 * that only the request's own queries are counted. Needs DATABASE_URL.
 */
import { benchEnv } from "./env.ts";
import { createBenchDatabase } from "./postgres.ts";
import { ensureBuild, newPgliteDir, startWeb } from "./server.ts";
import { startWireCounter } from "./wire-counter.ts";

if (!benchEnv.DATABASE_URL) throw new Error("bench:trips needs DATABASE_URL (a Postgres server)");
ensureBuild(benchEnv.BENCH_REBUILD);
const database = await createBenchDatabase(benchEnv.DATABASE_URL);
const counter = await startWireCounter(new URL(benchEnv.DATABASE_URL));
const folder = newPgliteDir();
const server = await startWeb({ postgresUrl: counter.url(new URL(database.url)), pgliteDir: folder.dir }, { worker: "off" });
const rows: { request: string; trips: number }[] = [];
try {
  const origin = server.origin;
  const signUp = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ name: "Trips Shopper", email: `trips-${Date.now().toString(36)}@example.com`, password: "bench-shops-1" }),
  });
  if (!signUp.ok) throw new Error(`sign-up failed: ${signUp.status}`);
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const post = (path: string, body: unknown) =>
    fetch(`${origin}/api/trpc/${path}`, { method: "POST", headers: { "content-type": "application/json", origin, cookie }, body: JSON.stringify(body) });
  /** Trips per request over `n` requests, after a first untimed one (lazily loaded routes, prepared statements). */
  const measure = async (request: string, send: (i: number) => Promise<Response>, n = 20) => {
    const warm = await send(-1);
    if (!warm.ok) throw new Error(`${request}: ${warm.status} ${await warm.text()}`);
    const before = counter.trips();
    for (let i = 0; i < n; i++) {
      const response = await send(i);
      await response.text();
      if (!response.ok) throw new Error(`${request}: ${response.status}`);
    }
    rows.push({ request, trips: (counter.trips() - before) / n });
  };
  const idleBefore = counter.trips();
  await new Promise((r) => setTimeout(r, 2000));
  const idle = counter.trips() - idleBefore;
  await measure("POST cart.add", () => post("cart.add", { productId: "101", quantity: 1 }));
  await measure("POST cart.add with a command id", (i) => post("cart.add", { productId: "102", quantity: 1, commandId: `trips-${Date.now()}-${i}` }));
  // A checkout of a two-line cart: the adds are not counted, only the checkout.
  let checkouts = 0;
  let checkoutTrips = 0;
  for (let i = 0; i < 10; i++) {
    for (const productId of ["101", "102"]) await (await post("cart.add", { productId, quantity: 1 })).text();
    const before = counter.trips();
    const response = await post("orders.checkout", { orderId: `trips-checkout-${Date.now()}-${i}` });
    await response.text();
    if (!response.ok) throw new Error(`orders.checkout: ${response.status}`);
    if (i > 0) {
      checkoutTrips += counter.trips() - before;
      checkouts++;
    }
  }
  rows.push({ request: "POST orders.checkout (2 lines)", trips: checkoutTrips / checkouts });
  await measure("GET catalog.list, anonymous", () => fetch(`${origin}/api/trpc/catalog.list`));
  await measure("GET catalog.list, signed in", () => fetch(`${origin}/api/trpc/catalog.list`, { headers: { cookie } }));
  await measure("GET / (catalog page), anonymous", () => fetch(`${origin}/`));
  await measure("GET / (catalog page), signed in", () => fetch(`${origin}/`, { headers: { cookie } }));
  console.log(`\nDatabase round trips per request (Postgres, counted on the wire; ${idle} trips in 2 s idle)\n`);
  console.log("| request | round trips |\n|---|---:|");
  for (const row of rows) console.log(`| ${row.request} | ${row.trips.toFixed(1)} |`);
} finally {
  await server.stop();
  await counter.close();
  await database.drop();
  folder.remove();
}
