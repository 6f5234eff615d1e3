/**
 * The worker: a second service. Applies the async projections (one active instance per projection across all
 * workers) and runs the fulfillment process. SIGTERM/SIGINT: finish the batch in hand, commit, release locks, exit.
 */
import { createLogger, openPlatform, openTransport, startWorkerServices } from "@chronicle/platform";
import { loadEnv } from "./env.ts";

const env = loadEnv();
const log = createLogger("worker", env.LOG_LEVEL, { worker: env.WORKER_ID });
const platform = await openPlatform(env, { service: "worker", log, poolSize: 8 });
// With NATS the shop's relay and inbox run here; without it they run in the web process, next to the in-process
// transport (messages in memory cannot cross processes).
const transport = env.NATS_URL ? await openTransport(env, "worker", log) : undefined;
const services = startWorkerServices(platform, {
  pollIntervalMs: env.POLL_INTERVAL_MS,
  ...(env.WORKER_ID && { instanceId: env.WORKER_ID }),
  ...(transport && { transport }),
});
log.info({ driver: platform.database.driver, instance: services.runner.instanceId, messaging: transport ? "nats" : "in the web process" }, "worker started");

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping: finishing the batch in hand");
  await services.stop();
  await transport?.close();
  await platform.close();
  log.info("stopped cleanly");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));

services.runner.done.catch(async (error: unknown) => {
  if (stopping) return;
  log.error({ error: String(error) }, "projection runner ended unexpectedly; exiting so a supervisor restarts the worker");
  await services.stop().catch(() => {});
  await platform.close().catch(() => {});
  process.exit(1);
});
