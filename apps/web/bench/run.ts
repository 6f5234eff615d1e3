/**
 * `pnpm --filter @chronicle/web run bench`: the production web app under load (autocannon, not a test). Starts
 * `next start` on a fresh PGlite folder, and, when DATABASE_URL is set, again on a fresh Postgres database, signs up
 * shoppers, then measures a command write (cart.add), the server-rendered catalog page and the catalog query.
 */
import os from "node:os";
import { benchEnv } from "./env.ts";
import { addToCartLoad, getLoad, type Outcome } from "./load.ts";
import { createBenchDatabase } from "./postgres.ts";
import { ensureBuild, startWeb } from "./server.ts";

/** Signs up one shopper over better-auth's HTTP API and returns its session cookie. */
async function signUp(origin: string, i: number): Promise<string> {
  const email = `bench-${Date.now().toString(36)}-${i}@example.com`;
  const response = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ name: `Bench Shopper ${i}`, email, password: "bench-shops-1" }),
  });
  if (!response.ok) throw new Error(`sign-up ${i} failed: ${response.status} ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/**
 * Waits until the server answers a cheap query fast again. After the write load the in-process worker still has
 * every new event to project (on PGlite through the same single connection), and a scenario started before that
 * backlog drains would measure the backlog, not itself.
 */
async function settle(origin: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  let fast = 0;
  while (fast < 3 && Date.now() < deadline) {
    const started = performance.now();
    await (await fetch(`${origin}/api/trpc/catalog.list`)).text();
    fast = performance.now() - started < 50 ? fast + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function runOn(driver: string, postgresUrl?: string): Promise<Outcome[]> {
  const server = await startWeb({ postgresUrl });
  console.log(`bench: ${driver} server at ${server.origin}, its log in ${server.logFile}`);
  try {
    const options = { connections: benchEnv.BENCH_CONNECTIONS, duration: benchEnv.BENCH_DURATION_S };
    const cookies: string[] = [];
    for (let i = 0; i < benchEnv.BENCH_SHOPPERS; i++) cookies.push(await signUp(server.origin, i));
    // A short warm-up, so the first measured second does not pay for lazily loaded routes.
    await getLoad("warm-up", `${server.origin}/`, { connections: 4, duration: 2 });
    await getLoad("warm-up", `${server.origin}/api/trpc/catalog.list`, { connections: 4, duration: 1 });
    const outcomes: Outcome[] = [];
    outcomes.push(await addToCartLoad(server.origin, cookies, options));
    await settle(server.origin);
    outcomes.push(await getLoad("GET / (catalog page, SSR)", `${server.origin}/`, options));
    await settle(server.origin);
    outcomes.push(await getLoad("GET /api/trpc/catalog.list", `${server.origin}/api/trpc/catalog.list`, options));
    return outcomes.map((o) => ({ ...o, scenario: `${driver.padEnd(9)} ${o.scenario}` }));
  } finally {
    await server.stop();
  }
}

function table(outcomes: Outcome[]): string {
  const header = ["scenario", "req/s", "p50 ms", "p99 ms", "requests", "non-2xx", "errors"];
  const rows = outcomes.map((o) => [o.scenario, o.requestsPerSecond.toFixed(0), String(o.p50), String(o.p99), String(o.total), String(o.non2xx), String(o.errors)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

ensureBuild(benchEnv.BENCH_REBUILD);
const outcomes = await runOn("pglite");
if (benchEnv.DATABASE_URL) {
  const database = await createBenchDatabase(benchEnv.DATABASE_URL);
  try {
    outcomes.push(...(await runOn("postgres", database.url)));
  } finally {
    await database.drop();
  }
} else {
  console.log("bench: DATABASE_URL is not set, so only PGlite was measured");
}
const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
console.log(`\nWeb app under load: ${benchEnv.BENCH_CONNECTIONS} connections, ${benchEnv.BENCH_DURATION_S} s per scenario, production build, ${os.cpus().length} cores, load average ${load}\n`);
console.log(table(outcomes));
for (const o of outcomes.filter((o) => o.note)) console.log(`  ${o.scenario.trim()}: ${o.note}`);
if (outcomes.some((o) => o.non2xx > 0 || o.errors > 0)) process.exitCode = 1;
