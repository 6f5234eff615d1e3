import { auditIndexProjection, startProjectionRunner, type EventStore, type Projection, type ProjectionRunner } from "@chronicle/event-store";
import { shopProjections } from "@chronicle/projections";
import { fulfillmentProjection } from "./fulfillment-projection.ts";
import { startOutboxSender } from "./outbox-sender.ts";

export interface WorkerServicesOptions {
  shipDelayMs: number;
  instanceId?: string;
  pollIntervalMs?: number;
  log?: (level: "info" | "warn", message: string, fields?: Record<string, unknown>) => void;
}

export interface WorkerServices {
  runner: ProjectionRunner;
  /** Every projection these services run (shop read models and fulfillment), for status pages. */
  projections: readonly Projection[];
  /** Finishes the batch in hand, commits, releases the locks. */
  stop(): Promise<void>;
}

/** The shop's read models, the fulfillment process, and the audit log's index (the last, so it never delays them). */
export function workerProjections(shipDelayMs: number): readonly Projection[] {
  return [...shopProjections, fulfillmentProjection(shipDelayMs), auditIndexProjection];
}

/**
 * What the worker process runs: the async projections and the fulfillment process (its outbox is sent by whichever
 * instance leads the fulfillment projection). The web app runs the same services in its own process on PGlite,
 * which one process owns; on Postgres any number of instances may run, one leader per projection.
 */
export function startWorkerServices(store: EventStore, options: WorkerServicesOptions): WorkerServices {
  const log = options.log ?? (() => {});
  const projections = workerProjections(options.shipDelayMs);
  const fulfillment = projections.find((p) => p.name === "fulfillment")!;
  const runner = startProjectionRunner(store, projections, {
    ...(options.instanceId && { instanceId: options.instanceId }),
    ...(options.pollIntervalMs && { pollIntervalMs: options.pollIntervalMs }),
    log: (message, fields) => log("info", message, fields),
  });
  const sender = startOutboxSender(store, {
    isLeader: () => runner.leading().includes(fulfillment.name),
    log: (message, fields) => log("warn", message, fields),
  });
  return {
    runner,
    projections,
    async stop() {
      await sender.stop();
      await runner.stop();
    },
  };
}
