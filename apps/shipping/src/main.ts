/**
 * The shipping service as a process of its own: its own database (SHIPPING_DATABASE_URL, or its own PGlite
 * folder), its inbox on the shop's JetStream stream, its relay, its warehouse, and its tRPC API over HTTP.
 * SIGTERM/SIGINT: stop taking messages, let those in hand finish, close.
 */
import { createLogger, openShippingService, openTransport } from "@chronicle/platform";
import { loadEnv } from "./env.ts";
import { serveShippingApi } from "./server.ts";

const env = loadEnv();
const log = createLogger("shipping", env.LOG_LEVEL, { instance: env.SHIPPING_ID });
const transport = await openTransport(env, "shipping", log);
const service = await openShippingService(env, { transport, log, ...(env.SHIPPING_ID && { instanceId: env.SHIPPING_ID }) });
const server = await serveShippingApi(service.api, { host: env.SHIPPING_HOST, port: env.SHIPPING_PORT });
log.info({ url: `http://${env.SHIPPING_HOST}:${env.SHIPPING_PORT}/trpc`, database: service.database.driver, transport: transport.kind }, "shipping service started");

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "stopping: finishing the messages in hand");
  server.close();
  await service.stop();
  await transport.close();
  log.info("stopped cleanly");
  process.exit(0);
}
process.on("SIGTERM", () => void shutdown("SIGTERM"));
process.on("SIGINT", () => void shutdown("SIGINT"));
