import { startProjectionRunner, type ProjectionRunner } from "@chronicle/event-store";
import { startOutboxSender } from "@chronicle/fulfillment";
import type { Transport } from "@chronicle/messaging";
import type { Platform } from "./open-platform.ts";
import { startShopMessaging, type ShopMessaging } from "./services/shop-messaging.ts";

/** See startWorkerServices. */
export const PGLITE_REST_BETWEEN_ROUNDS_MS = 100;

export interface WorkerServicesOptions {
  /** Shown as the leader of what this instance applies (default: a random runner id). */
  instanceId?: string;
  pollIntervalMs?: number;
  /** The transport to the other services: the shop's relay and inbox run here when given. */
  transport?: Transport;
}

export interface WorkerServices {
  runner: ProjectionRunner;
  /** The shop's relay and inbox, when a transport was given. */
  messaging: ShopMessaging | null;
  /** Finishes the batch in hand, commits, releases the locks. */
  stop(): Promise<void>;
}

/**
 * What the worker runs: every async projection (one active instance per projection across all processes) and the
 * fulfillment process's outbox, sent by whichever instance leads the fulfillment projection, and (given a
 * transport) the shop's integration relay and inbox. The web app runs the
 * same services in its own process on PGlite, which one process owns.
 */
export function startWorkerServices(platform: Platform, options: WorkerServicesOptions = {}): WorkerServices {
  const { store, log, projections } = platform;
  const runner = startProjectionRunner(store, projections, {
    // PGlite is one connection for the requests and the projections alike: rounds pause between them so that
    // requests are not queued behind one round per command (measured: apps/web/bench, open loop on PGlite).
    ...(platform.database.driver === "pglite" && { restBetweenRoundsMs: PGLITE_REST_BETWEEN_ROUNDS_MS }),
    ...(options.instanceId && { instanceId: options.instanceId }),
    ...(options.pollIntervalMs && { pollIntervalMs: options.pollIntervalMs }),
    log: (message, fields) => log.info(fields ?? {}, message),
  });
  const sender = startOutboxSender(store, {
    isLeader: () => runner.leading().includes("fulfillment"),
    log: (message, fields) => log.warn(fields ?? {}, message),
  });
  const messaging = options.transport ? startShopMessaging(platform, options.transport) : null;
  return {
    runner,
    messaging,
    async stop() {
      await messaging?.stop();
      await sender.stop();
      await runner.stop();
    },
  };
}
