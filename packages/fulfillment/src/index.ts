export { fulfillmentProjection } from "./fulfillment-projection.ts";
export { startOutboxSender, type OutboxSenderOptions } from "./outbox-sender.ts";
export { fulfillmentOutbox, fulfillmentOrders } from "./schema.ts";
export { fulfillmentMigrationSet } from "./migrations.ts";
export { listParkedCommands, retryParkedCommand, type ParkedCommand } from "./parked-commands.ts";
