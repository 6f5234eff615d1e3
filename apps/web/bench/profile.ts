/**
 * `pnpm --filter @chronicle/web run bench:profile [cart.add|checkout|catalog|page]`: the production server under one
 * load (50 connections, closed loop) with `node --cpu-prof`, then where its CPU time went: self time per part
 * (Next, React rendering, tRPC, better-auth, zod, drizzle, the driver, the app's own packages, node), and time
 * inside a few named steps. On Postgres when DATABASE_URL is set, else PGlite. The profile stays for a closer look
 * (e.g. in Chrome's DevTools).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { benchEnv } from "./env.ts";
import { addToCartLoad, getLoad } from "./load.ts";
import { createBenchDatabase } from "./postgres.ts";
import { ensureBuild, newPgliteDir, startWeb } from "./server.ts";

const scenario = process.argv[2] ?? "cart.add";
if (!["cart.add", "checkout", "catalog", "page"].includes(scenario)) throw new Error(`unknown scenario ${scenario}`);

interface ProfileNode { id: number; callFrame: { functionName: string; url: string }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number }

const PARTS: [string, RegExp][] = [
  ["React server rendering", /react-dom|react-server|\/react\//],
  ["Next (routing, handler)", /node_modules\/next\/|next\/dist|\.next-e2e\/server\/chunks\/.*next|\[turbopack\]_runtime/],
  ["tRPC", /@trpc/],
  ["better-auth (session)", /better-auth|@better-auth|better-call|jose|@noble/],
  ["zod", /\/zod\//],
  ["drizzle-orm", /drizzle-orm/],
  ["postgres-js driver", /\/postgres\/(src|cjs|cf)/],
  ["PGlite", /pglite/],
  ["event-store", /packages\/event-store/],
  ["domain", /packages\/domain/],
  ["application", /packages\/application/],
  ["api", /packages\/api/],
  ["projections + worker", /packages\/(projections|fulfillment|platform)/],
  ["pino (logging)", /pino/],
  ["web app (server.ts, src)", /apps\/web\/(server\.ts|src)/],
];

function partOf(url: string, functionName: string): string {
  for (const [name, pattern] of PARTS) if (pattern.test(url)) return name;
  if (url.includes(".next-e2e/server")) return "Next build output (app chunks)";
  if (url.startsWith("node:") || url === "") return functionName.startsWith("(") ? functionName : "node (internals, GC, I/O)";
  return "other node_modules";
}

/** Steps whose inclusive time is worth knowing, matched by function name anywhere on the stack. */
const STEPS = ["getSession", "createContext", "fetchRequestHandler", "resolveResponse", "handle", "decideLoading", "loadStream", "appendDecisions", "renderToReadableStream", "executeShopCommand", "parse", "safeParse"];

/** Microseconds on the monotonic clock, which V8's profile timestamps share with every process on the machine. */
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

function summarize(file: string, window?: { from: number; to: number }): string {
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const steps = new Map<string, number>();
  const functions = new Map<string, number>();
  const attributed = new Map<string, number>();
  let total = 0;
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    at += dt;
    if (window && (at < window.from || at > window.to)) return;
    total += dt;
    const node = byId.get(id)!;
    const fn = `${node.callFrame.functionName || "(anonymous)"} ${node.callFrame.url.split("/").slice(-2).join("/")}`;
    functions.set(fn, (functions.get(fn) ?? 0) + dt);
    const part = partOf(node.callFrame.url, node.callFrame.functionName);
    self.set(part, (self.get(part) ?? 0) + dt);
    // Node's own time (socket writes, promises, GC) goes to the nearest caller that is not node itself.
    let owner = "node (no caller above)";
    for (let up: number | undefined = id; up !== undefined; up = parent.get(up)) {
      const frame = byId.get(up)!.callFrame;
      if (frame.url && !frame.url.startsWith("node:")) {
        owner = `${partOf(frame.url, frame.functionName)}: ${frame.url.split("/").slice(-2).join("/")}`;
        break;
      }
    }
    if (!node.callFrame.functionName.startsWith("(")) attributed.set(owner, (attributed.get(owner) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = byId.get(at)!.callFrame.functionName;
      if (STEPS.includes(name) && !seen.has(name)) {
        seen.add(name);
        steps.set(name, (steps.get(name) ?? 0) + dt);
      }
    }
  });
  const pct = (us: number) => `${((100 * us) / total).toFixed(1)}%`;
  const lines = [`profile ${file}: ${(total / 1e6).toFixed(1)} s sampled${window ? " (the load only)" : ""}`, "", "| part (self time) | share |", "|---|---:|"];
  for (const [part, us] of [...self].sort((a, b) => b[1] - a[1])) lines.push(`| ${part} | ${pct(us)} |`);
  lines.push("", "| step (inclusive, by function name) | share |", "|---|---:|");
  for (const [step, us] of [...steps].sort((a, b) => b[1] - a[1])) lines.push(`| ${step} | ${pct(us)} |`);
  lines.push("", "| nearest non-node caller (self time of it and of the node internals it called), top 20 | share |", "|---|---:|");
  for (const [owner, us] of [...attributed].sort((a, b) => b[1] - a[1]).slice(0, 20)) lines.push(`| ${owner} | ${pct(us)} |`);
  lines.push("", "| function (self time, top 25) | share |", "|---|---:|");
  for (const [fn, us] of [...functions].sort((a, b) => b[1] - a[1]).slice(0, 25)) lines.push(`| ${fn} | ${pct(us)} |`);
  return lines.join("\n");
}

if (process.argv[3]) {
  // A profile written before: summarize it only.
  console.log(summarize(process.argv[3]));
  process.exit(0);
}
ensureBuild(benchEnv.BENCH_REBUILD);
const profileDir = benchEnv.BENCH_CPU_PROF_DIR ?? mkdtempSync(path.join(os.tmpdir(), "chronicle-profile-"));
const database = benchEnv.DATABASE_URL ? await createBenchDatabase(benchEnv.DATABASE_URL) : undefined;
const folder = newPgliteDir();
const server = await startWeb({ ...(database && { postgresUrl: database.url }), pgliteDir: folder.dir }, { cpuProfileDir: profileDir });
const loadWindow = { from: 0, to: 0 };
const options = { connections: benchEnv.BENCH_CONNECTIONS, duration: benchEnv.BENCH_DURATION_S };
try {
  const origin = server.origin;
  const cookies: string[] = [];
  for (let i = 0; i < benchEnv.BENCH_SHOPPERS; i++) {
    const response = await fetch(`${origin}/api/auth/sign-up/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin },
      body: JSON.stringify({ name: `Profiled ${i}`, email: `profile-${Date.now().toString(36)}-${i}@example.com`, password: "bench-shops-1" }),
    });
    cookies.push(response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; "));
  }
  let outcome;
  loadWindow.from = nowUs();
  if (scenario === "cart.add") outcome = await addToCartLoad(origin, cookies, options);
  else if (scenario === "catalog") outcome = await getLoad("catalog.list", `${origin}/api/trpc/catalog.list`, options);
  else if (scenario === "page") outcome = await getLoad("GET /", `${origin}/`, options);
  else {
    // Each request: one line added, then the checkout of that cart (two commands per request pair).
    let n = 0;
    const result = await autocannon({
      url: origin,
      ...options,
      requests: [
        {
          method: "POST",
          setupRequest(request, context) {
            const state = ((context as { s?: { cookie: string } }).s ??= { cookie: cookies[n++ % cookies.length]! });
            return { ...request, path: "/api/trpc/cart.add", headers: { "content-type": "application/json", origin, cookie: state.cookie }, body: JSON.stringify({ productId: "101", quantity: 1 }) };
          },
        },
        {
          method: "POST",
          setupRequest(request, context) {
            const state = (context as { s: { cookie: string } }).s;
            return { ...request, path: "/api/trpc/orders.checkout", headers: { "content-type": "application/json", origin, cookie: state.cookie }, body: JSON.stringify({ orderId: `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}` }) };
          },
        },
      ],
    });
    outcome = { scenario: "cart.add + checkout", requestsPerSecond: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, total: result.requests.total, non2xx: result.non2xx, errors: result.errors };
  }
  loadWindow.to = nowUs();
  console.log(`${scenario}: ${outcome.requestsPerSecond.toFixed(0)} req/s, p50 ${outcome.p50} ms, p99 ${outcome.p99} ms, ${outcome.total} requests, ${outcome.non2xx} non-2xx`);
} finally {
  await server.stop();
  await database?.drop();
  folder.remove();
}
// The main thread's profile is the biggest (worker threads of Next's write small ones beside it).
const main = readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(profileDir, f)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
if (!main) throw new Error(`no profile written into ${profileDir}`);
console.log(summarize(main, loadWindow));
