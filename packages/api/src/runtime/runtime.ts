import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pino, type Logger } from "pino";
import { seedDemo } from "@chronicle/application";
import { createEventStore, migrate, openDatabase, type Database, type EventStore, type Projection } from "@chronicle/event-store";
import { startWorkerServices, workerMigrationSet, workerProjections, type WorkerServices } from "@chronicle/fulfillment";
import { projectionsMigrationSet } from "@chronicle/projections";
import { createAuth, type Auth } from "../auth/auth.ts";
import { seedDemoAccounts } from "../auth/demo-accounts.ts";
import { authMigrationSet } from "../auth/migrations.ts";
import type { ApiEnv } from "./env.ts";

export interface Runtime {
  readonly database: Database;
  readonly store: EventStore;
  readonly auth: Auth;
  /** Every async projection of the system (whoever runs them), for status and admin actions. */
  readonly projections: readonly Projection[];
  /** Set when this process runs the projections and fulfillment itself. */
  readonly worker: WorkerServices | null;
  readonly origins: readonly string[];
  readonly log: Logger;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  /** Where PGlite keeps its data when DATABASE_URL is unset. */
  defaultPgliteDir: string;
  log?: Logger;
}

/**
 * Opens everything the web app needs: the database (PGlite or Postgres), all migrations, the store, auth; on a fresh
 * install the demo (catalog, the article's story, the demo sign-ins); and, on PGlite or when asked, the worker's
 * services in this process.
 */
export async function openRuntime(env: ApiEnv, options: RuntimeOptions): Promise<Runtime> {
  const log = options.log ?? pino({ level: env.LOG_LEVEL, base: { service: "web" } });
  const dataDir = env.PGLITE_DIR ?? options.defaultPgliteDir;
  if (!env.DATABASE_URL) mkdirSync(dataDir, { recursive: true });
  const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 10 } : { dataDir });
  try {
    for (const set of [undefined, projectionsMigrationSet, workerMigrationSet, authMigrationSet]) await migrate(database, set);
    const store = createEventStore(database);
    const secret = env.BETTER_AUTH_SECRET ?? localSecret(env.DATABASE_URL ? path.dirname(dataDir) : dataDir, log);
    const auth = createAuth(store, { secret, origins: env.APP_ORIGIN, signInPerMinute: env.AUTH_ATTEMPTS_PER_MINUTE });
    if (env.SEED_DEMO) {
      const seeded = await seedDemo(store);
      const accounts = await seedDemoAccounts(auth);
      if (seeded.seeded) log.info({ commands: seeded.commands, events: seeded.events }, "demo data written to the log");
      for (const a of accounts) log.info({ email: a.email, password: a.password, role: a.role }, "demo sign-in created");
    }
    const runsWorker = env.WORKER ? env.WORKER === "inline" : database.driver === "pglite";
    const worker = runsWorker
      ? startWorkerServices(store, { shipDelayMs: env.SHIP_DELAY_MS, log: (level, message, fields) => log[level](fields ?? {}, message) })
      : null;
    log.info({ driver: database.driver, worker: runsWorker ? "in this process" : "separate process" }, "runtime ready");
    return {
      database,
      store,
      auth,
      projections: worker?.projections ?? workerProjections(env.SHIP_DELAY_MS),
      worker,
      origins: env.APP_ORIGIN,
      log,
      async close() {
        await worker?.stop();
        await database.close();
      },
    };
  } catch (error) {
    await database.close().catch(() => {});
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
