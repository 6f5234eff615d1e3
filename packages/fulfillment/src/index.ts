export { fulfillmentProjection } from "./fulfillment-projection.ts";
export { startOutboxSender, type OutboxSenderOptions } from "./outbox-sender.ts";
export { fulfillmentOutbox, fulfillmentOrders } from "./schema.ts";
export { workerMigrationSet } from "./migrations.ts";
export { startWorkerServices, workerProjections, type WorkerServices, type WorkerServicesOptions } from "./worker-services.ts";
