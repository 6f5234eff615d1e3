/**
 * `pnpm --filter @chronicle/web run bench`: the production web app under load (autocannon, not a test). Starts the
 * app's own server (server.ts, as `npm start` runs it) on a fresh PGlite folder, and, when DATABASE_URL is set, again
 * on a fresh Postgres database, signs up shoppers, then measures a command write (cart.add) closed loop and open loop
 * (a fixed offered rate), the server-rendered catalog page and the catalog query. Then, on the same database with
 * the server stopped, the baselines without HTTP: the same commands through `executeShopCommand` in-process at the
 * same concurrency, and the same catalog query behind a bare node:http handler. Every scenario runs BENCH_ROUNDS
 * times; the table shows the median round (by req/s; open loop by p99) and the ratios HTTP / baseline.
 */
import os from "node:os";
import { inProcessAddToCart, startBareCatalog, type BenchDatabase } from "./baselines.ts";
import { benchEnv } from "./env.ts";
import { addToCartLoad, getLoad, type Outcome } from "./load.ts";
import { openLoopAddToCart } from "./open-loop.ts";
import { createBenchDatabase } from "./postgres.ts";
import { ensureBuild, newPgliteDir, startWeb } from "./server.ts";

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

/** A scenario's rounds as one row: the median round, with every round's figure in the note. */
function medianRound(rounds: Outcome[], by: "rate" | "p99" = "rate"): Outcome {
  const key = (o: Outcome) => (by === "rate" ? o.requestsPerSecond : o.p99);
  const sorted = [...rounds].sort((a, b) => key(a) - key(b));
  const mid = sorted[Math.floor((sorted.length - 1) / 2)]!;
  const all = rounds.map((o) => (by === "rate" ? o.requestsPerSecond.toFixed(0) : `p99 ${o.p99}`)).join(", ");
  const notes = [...new Set(rounds.map((o) => o.note).filter(Boolean))].join(" | ");
  return {
    ...mid,
    total: rounds.reduce((n, o) => n + o.total, 0),
    non2xx: rounds.reduce((n, o) => n + o.non2xx, 0),
    errors: rounds.reduce((n, o) => n + o.errors, 0),
    note: `rounds: ${all}${notes ? `; ${notes}` : ""}`,
  };
}

interface DriverResult {
  driver: string;
  outcomes: Outcome[];
  addHttp: Outcome;
  addInProcess: Outcome;
  catalogHttp: Outcome;
  catalogBare: Outcome;
  openLoop: Outcome;
  openTarget: number;
}

async function runOn(driver: "pglite" | "postgres", database: BenchDatabase & { pgliteDir: string }): Promise<DriverResult> {
  const rounds = benchEnv.BENCH_ROUNDS;
  const options = { connections: benchEnv.BENCH_CONNECTIONS, duration: benchEnv.BENCH_DURATION_S };
  const rate = driver === "postgres" ? benchEnv.BENCH_OPEN_RATE_POSTGRES : benchEnv.BENCH_OPEN_RATE_PGLITE;
  const server = await startWeb(database, { ...(benchEnv.BENCH_CPU_PROF_DIR && { cpuProfileDir: benchEnv.BENCH_CPU_PROF_DIR }) });
  console.log(`bench: ${driver} server at ${server.origin}, its log in ${server.logFile}`);
  const http: { add: Outcome[]; open: Outcome[]; page: Outcome[]; catalog: Outcome[] } = { add: [], open: [], page: [], catalog: [] };
  try {
    const cookies: string[] = [];
    for (let i = 0; i < benchEnv.BENCH_SHOPPERS; i++) cookies.push(await signUp(server.origin, i));
    // A short warm-up, so the first measured second does not pay for lazily loaded routes.
    await getLoad("warm-up", `${server.origin}/`, { connections: 4, duration: 2 });
    await getLoad("warm-up", `${server.origin}/api/trpc/catalog.list`, { connections: 4, duration: 1 });
    for (let round = 0; round < rounds; round++) {
      process.stderr.write(`[${driver}] HTTP round ${round + 1} of ${rounds}...\n`);
      await settle(server.origin);
      http.add.push(await addToCartLoad(server.origin, cookies, options));
      await settle(server.origin);
      http.open.push(await openLoopAddToCart(server.origin, cookies, rate, benchEnv.BENCH_OPEN_S));
      await settle(server.origin);
      http.page.push(await getLoad("GET / (catalog page, SSR)", `${server.origin}/`, options));
      await settle(server.origin);
      http.catalog.push(await getLoad("GET /api/trpc/catalog.list", `${server.origin}/api/trpc/catalog.list`, options));
    }
  } finally {
    await server.stop();
  }
  process.stderr.write(`[${driver}] baselines...\n`);
  const addInProcess = medianRound(await inProcessAddToCart(database, { ...options, rounds }));
  const bare = await startBareCatalog(database);
  const bareRounds: Outcome[] = [];
  try {
    await getLoad("warm-up", `${bare.origin}/api/trpc/catalog.list`, { connections: 4, duration: 1 });
    for (let round = 0; round < rounds; round++) {
      bareRounds.push(await getLoad("catalog query, bare node:http", `${bare.origin}/api/trpc/catalog.list`, options));
    }
  } finally {
    await bare.stop();
  }
  const addHttp = medianRound(http.add);
  const openLoop = medianRound(http.open, "p99");
  const catalogHttp = medianRound(http.catalog);
  const catalogBare = medianRound(bareRounds);
  const outcomes = [addHttp, addInProcess, openLoop, medianRound(http.page), catalogHttp, catalogBare]
    .map((o) => ({ ...o, scenario: `${driver.padEnd(9)} ${o.scenario}` }));
  return { driver, outcomes, addHttp, addInProcess, catalogHttp, catalogBare, openLoop, openTarget: driver === "postgres" ? 50 : 100 };
}

function table(outcomes: Outcome[]): string {
  const header = ["scenario", "req/s", "p50 ms", "p99 ms", "requests", "non-2xx", "errors"];
  const rows = outcomes.map((o) => [o.scenario, o.requestsPerSecond.toFixed(0), String(o.p50), String(o.p99), String(o.total), String(o.non2xx), String(o.errors)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

function ratios(results: DriverResult[]): string {
  const lines = ["", "| driver | measure | figure | target | met |", "|---|---|---:|---|---|"];
  for (const r of results) {
    const add = r.addHttp.requestsPerSecond / r.addInProcess.requestsPerSecond;
    const catalog = r.catalogHttp.requestsPerSecond / r.catalogBare.requestsPerSecond;
    const closedP99 = Math.max(r.addHttp.p99, ...r.outcomes.map((o) => o.p99));
    lines.push(
      `| ${r.driver} | HTTP cart.add / in-process executeShopCommand (req/s) | ${add.toFixed(2)} | >= 0.5${r.driver === "postgres" ? "" : " (set for Postgres)"} | ${add >= 0.5 ? "yes" : "no"} |`,
      `| ${r.driver} | HTTP catalog.list / bare node:http (req/s) | ${catalog.toFixed(2)} | >= 0.5 | ${catalog >= 0.5 ? "yes" : "no"} |`,
      `| ${r.driver} | open loop ${r.openLoop.scenario.match(/\d+\/s/)?.[0] ?? ""} cart.add p99 | ${r.openLoop.p99} ms | < ${r.openTarget} ms | ${r.openLoop.p99 < r.openTarget ? "yes" : "no"} |`,
      `| ${r.driver} | closed loop, worst p99 of any scenario | ${closedP99} ms | < 1000 ms, no errors | ${closedP99 < 1000 && r.outcomes.every((o) => o.errors === 0 && o.non2xx === 0) ? "yes" : "no"} |`,
    );
  }
  return lines.join("\n");
}

ensureBuild(benchEnv.BENCH_REBUILD);
const drivers = benchEnv.BENCH_DRIVERS.split(",").map((d) => d.trim());
const results: DriverResult[] = [];
if (drivers.includes("pglite")) {
  const folder = newPgliteDir();
  try {
    results.push(await runOn("pglite", { pgliteDir: folder.dir }));
  } finally {
    folder.remove();
  }
}
if (drivers.includes("postgres") && benchEnv.DATABASE_URL) {
  const database = await createBenchDatabase(benchEnv.DATABASE_URL);
  const folder = newPgliteDir();
  try {
    results.push(await runOn("postgres", { postgresUrl: database.url, pgliteDir: folder.dir }));
  } finally {
    await database.drop();
    folder.remove();
  }
} else if (drivers.includes("postgres")) {
  console.log("bench: DATABASE_URL is not set, so only PGlite was measured");
}
const outcomes = results.flatMap((r) => r.outcomes);
const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
console.log(`\nWeb app under load: ${benchEnv.BENCH_CONNECTIONS} connections closed loop, ${benchEnv.BENCH_DURATION_S} s per round, ${benchEnv.BENCH_OPEN_S} s open loop, median of ${benchEnv.BENCH_ROUNDS} rounds, production build, ${os.cpus().length} cores, load average ${load}\n`);
console.log(table(outcomes));
for (const o of outcomes.filter((o) => o.note)) console.log(`  ${o.scenario.trim()}: ${o.note}`);
console.log(ratios(results));
if (outcomes.some((o) => o.non2xx > 0 || o.errors > 0)) process.exitCode = 1;
