/**
 * The worker: a second service. Applies the async projections (one active instance per projection across all
 * workers) and runs the fulfillment process. SIGTERM/SIGINT: finish the batch in hand, commit, release locks, exit.
 */
import { pino } from "pino";
import { createEventStore, migrate, openDatabase } from "@chronicle/event-store";
import { projectionsMigrationSet } from "@chronicle/projections";
import { startWorkerServices, workerMigrationSet } from "@chronicle/fulfillment";
import { loadEnv } from "./env.ts";

const env = loadEnv();
const log = pino({ level: env.LOG_LEVEL, base: { service: "worker", worker: env.WORKER_ID } });
const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL, poolSize: 8 } : { dataDir: env.PGLITE_DIR });
await migrate(database);
await migrate(database, projectionsMigrationSet);
await migrate(database, workerMigrationSet);
const store = createEventStore(database);

const services = startWorkerServices(store, {
  shipDelayMs: env.SHIP_DELAY_MS,
  pollIntervalMs: env.POLL_INTERVAL_MS,
  ...(env.WORKER_ID && { instanceId: env.WORKER_ID }),
  log: (level, message, fields) => log[level](fields ?? {}, message),
});
log.info({ driver: database.driver, instance: services.runner.instanceId }, "worker started");

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping: finishing the batch in hand");
  await services.stop();
  await database.close();
  log.info("stopped cleanly");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
services.runner.done.catch(async (error: unknown) => {
  if (stopping) return;
  log.error({ error: String(error) }, "projection runner stopped on its own; exiting so a supervisor restarts the worker");
  await services.stop().catch(() => {});
  await database.close().catch(() => {});
  process.exit(1);
});
