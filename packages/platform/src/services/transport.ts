import { integrationStreams } from "@chronicle/contracts";
import { createInProcessTransport, createNatsTransport, type Transport } from "@chronicle/messaging";
import type { Database } from "@chronicle/event-store";
import type { PlatformEnv } from "../env.ts";
import type { Logger } from "../logger.ts";

/**
 * The transport the environment names: NATS JetStream at NATS_URL, or, on the embedded default, the in-process
 * transport (one process: the web app, with the shipping service inside it), which keeps its messages and acks in
 * `database` (the shop's: its own tables, like a broker's disk), so a restart loses nothing. The integration streams
 * are ensured here (idempotently), so every process that publishes, consumes or shows stats has them.
 */
export async function openTransport(env: Pick<PlatformEnv, "NATS_URL">, service: string, log: Logger, database?: Database): Promise<Transport> {
  const logTo = (message: string, fields?: Record<string, unknown>) => log.warn({ ...fields, transport: true }, message);
  const transport = env.NATS_URL
    ? createNatsTransport({ url: env.NATS_URL, name: service, log: logTo })
    : createInProcessTransport({ log: logTo, ...(database && { database }) });
  try {
    await transport.ensureStreams(integrationStreams);
  } catch (error) {
    await transport.close().catch(() => {});
    throw error;
  }
  return transport;
}
