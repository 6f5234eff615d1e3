import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { executeShopCommand, shopCommandsFor } from "@chronicle/application";
import { openPlatform, parseEnv, PlatformEnvSchema } from "@chronicle/platform";
import type { Outcome } from "./load.ts";
import { percentile } from "./stats.ts";
import { BENCH_MASTER_KEY, freePort } from "./server.ts";

export interface BenchDatabase {
  postgresUrl?: string;
  pgliteDir?: string;
}

const envOf = (database: BenchDatabase) => ({
  DATABASE_URL: database.postgresUrl ?? "",
  PERSONAL_DATA_MASTER_KEY: database.postgresUrl ? BENCH_MASTER_KEY : "",
  PGLITE_DIR: database.pgliteDir ?? "",
  LOG_LEVEL: "warn",
});

const LINE_CAP = 99;

/**
 * The baseline for `POST cart.add`: the same AddProductToCart commands through `executeShopCommand` in this
 * process, on the database the web server used (stopped by then), at the same concurrency: each of `connections`
 * loops owns one (shopper, product) line of its own shopper, and removes it once per 99 adds, like the HTTP load.
 * Neither HTTP, sessions, tRPC nor the projections run here: what is left is the command handler and the database.
 */
export async function inProcessAddToCart(database: BenchDatabase, options: { connections: number; duration: number; rounds: number }): Promise<Outcome[]> {
  const platform = await openPlatform(parseEnv(PlatformEnvSchema, envOf(database)), { service: "bench" });
  const { store } = platform;
  try {
    const users = Array.from({ length: options.connections }, (_, i) => `bench-inproc-${randomUUID().slice(0, 8)}-${i}`);
    for (const userId of users) {
      await executeShopCommand(store, { type: "RegisterUser", data: { userId, name: `In-process ${userId}`, email: `${userId}@example.com` } }, { now: new Date().toISOString(), actor: `user:${userId}` });
    }
    const quantities = users.map(() => 0);
    const outcomes: Outcome[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const latencies: number[] = [];
      let errors = 0;
      const reasons = new Map<string, number>();
      const until = performance.now() + options.duration * 1000;
      const started = performance.now();
      await Promise.all(users.map(async (userId, i) => {
        while (performance.now() < until) {
          const remove = quantities[i] === LINE_CAP;
          quantities[i] = remove ? 0 : quantities[i]! + 1;
          const command = remove
            ? { type: "RemoveProductFromCart", data: { userId, productId: "101" } }
            : { type: "AddProductToCart", data: { userId, productId: "101", quantity: 1 } };
          const at = performance.now();
          try {
            await executeShopCommand(store, command, { now: new Date().toISOString(), correlationId: randomUUID(), actor: `user:${userId}` });
          } catch (error) {
            errors++;
            const reason = String(error).slice(0, 100);
            reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
          }
          latencies.push(performance.now() - at);
        }
      }));
      const elapsed = (performance.now() - started) / 1000;
      outcomes.push({
        scenario: "cart.add in-process (executeShopCommand)",
        requestsPerSecond: latencies.length / elapsed,
        p50: Math.round(percentile(latencies, 50)),
        p99: Math.round(percentile(latencies, 99)),
        total: latencies.length,
        non2xx: 0,
        errors,
        ...(reasons.size > 0 && { note: [...reasons].map(([r, n]) => `${n}× ${r}`).join("; ") }),
      });
    }
    await shopCommandsFor(store).idle();
    return outcomes;
  } finally {
    await platform.close();
  }
}

const bareScript = path.join(path.dirname(fileURLToPath(import.meta.url)), "bare-catalog.ts");

/**
 * The baseline for `GET /api/trpc/catalog.list`: the same query (`listCatalog`) on the same database, answered in
 * tRPC's JSON shape by a bare `node:http` server in a process of its own (as the web server is).
 */
export async function startBareCatalog(database: BenchDatabase): Promise<{ origin: string; stop(): Promise<void> }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", bareScript], {
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, ...envOf(database), PORT: String(port) },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bare catalog server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/api/trpc/catalog.list`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error("the bare catalog server was not ready within 60 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    async stop() {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}
