import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createAuth, followClosedAccounts, seedDemoAccounts, type ApiServices, type Auth } from "@chronicle/api";
import { seedDemo } from "@chronicle/application";
import type { Logger } from "../logger.ts";
import { openPlatform, type Platform } from "../open-platform.ts";
import { startWorkerServices, type WorkerServices } from "../worker-services.ts";
import type { WebEnv } from "./web-env.ts";

/** The web process: what its API needs (`services`), and what it runs beside it. */
export interface WebRuntime {
  readonly platform: Platform;
  readonly auth: Auth;
  /** What the tRPC procedures get: the store, the read models, auth, the projections, the log. */
  readonly services: ApiServices;
  /** Set when this process runs the projections and fulfillment itself. */
  readonly worker: WorkerServices | null;
  readonly origins: readonly string[];
  close(): Promise<void>;
}

/**
 * Assembles the web process: the platform (database, migrations, store), auth on the same database, the demo on a
 * fresh install (catalog, the article's story, the demo sign-ins) and, on PGlite or when asked, the worker's
 * services in this process.
 */
export async function openWebRuntime(env: WebEnv, options: { log?: Logger } = {}): Promise<WebRuntime> {
  const platform = await openPlatform(env, { service: "web", ...(options.log && { log: options.log }) });
  const { store, log, database } = platform;
  try {
    const secret = env.BETTER_AUTH_SECRET ?? localSecret(env.DATABASE_URL ? path.dirname(env.PGLITE_DIR) : env.PGLITE_DIR, log);
    const auth = createAuth(store, { secret, origins: env.APP_ORIGIN, signInPerMinute: env.AUTH_ATTEMPTS_PER_MINUTE });
    if (env.SEED_DEMO) {
      const seeded = await seedDemo(store);
      const accounts = await seedDemoAccounts(auth);
      if (seeded.seeded) log.info({ commands: seeded.commands, events: seeded.events }, "demo data written to the log");
      for (const a of accounts) log.info({ email: a.email, password: a.password, role: a.role }, "demo sign-in created");
    }
    const runsWorker = env.WORKER ? env.WORKER === "inline" : database.driver === "pglite";
    const closedAccounts = await followClosedAccounts(store, { log });
    const worker = runsWorker ? startWorkerServices(platform) : null;
    log.info({ driver: database.driver, worker: runsWorker ? "in this process" : "separate process" }, "runtime ready");
    return {
      platform,
      auth,
      services: { store, db: database.db, auth, projections: platform.projections, log, closedAccounts },
      worker,
      origins: env.APP_ORIGIN,
      async close() {
        closedAccounts.stop();
        await worker?.stop();
        await platform.close();
      },
    };
  } catch (error) {
    await platform.close().catch(() => {});
    throw error;
  }
}

/**
 * Without BETTER_AUTH_SECRET (the demo), a random secret is made once and kept next to the data, so sessions
 * survive restarts. Production sets the variable.
 */
function localSecret(dir: string, log: Logger): string {
  const file = path.join(dir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    const secret = randomBytes(32).toString("hex");
    writeFileSync(file, secret, { mode: 0o600 });
    log.warn({ file }, "BETTER_AUTH_SECRET is not set: made a random one for this installation");
    return secret;
  }
}
