import { SHIPPING_INBOX, shippingToMessages, toShippingCommand } from "@chronicle/contracts";
import { createEventStore, openDatabase, startProjectionRunner, type Database, type EventStore, type ProjectionRunner } from "@chronicle/event-store";
import { startRelay, type Consumer, type Relay, type Transport } from "@chronicle/messaging";
import { createShippingCommands, shipmentsProjection, shippingMigrationSets, startWarehouse, type ShippingApiContext, type ShippingCommands, type Warehouse } from "@chronicle/shipping";
import { shippingPgliteDir, type PlatformEnv } from "../env.ts";
import type { Logger } from "../logger.ts";
import { migrateAll } from "../migrations.ts";
import { inboxMetadata } from "./inbox.ts";
import { INBOX_BACKOFF_MS, INBOX_MAX_DELIVER } from "./shop-messaging.ts";

export interface ShippingService {
  readonly database: Database;
  readonly store: EventStore;
  readonly commands: ShippingCommands;
  readonly runner: ProjectionRunner;
  readonly relay: Relay;
  readonly inbox: Consumer;
  /** What shipping's tRPC procedures run on. */
  readonly api: ShippingApiContext;
  stop(): Promise<void>;
}

export type ShippingEnv = Pick<PlatformEnv, "SHIPPING_DATABASE_URL" | "SHIPPING_PGLITE_DIR" | "PGLITE_DIR" | "SHIP_DELAY_MS" | "DELIVERY_DELAY_MS">;

/**
 * The shipping service, assembled: its own database (SHIPPING_DATABASE_URL, or its own PGlite folder), its log and
 * shipments read model, the warehouse, its inbox (shop.order.confirmed / cancelled → RequestShipment /
 * CancelShipment, acked after the command committed) and its relay (dispatched / delivered / cancelled → public
 * messages). The same whether it runs as apps/shipping or inside the web process on the embedded default.
 */
export async function openShippingService(env: ShippingEnv, options: { transport: Transport; log: Logger; instanceId?: string }): Promise<ShippingService> {
  const { transport, log } = options;
  const dataDir = shippingPgliteDir(env);
  const database = await openDatabase(env.SHIPPING_DATABASE_URL ? { url: env.SHIPPING_DATABASE_URL, poolSize: 20 } : { dataDir });
  try {
    await migrateAll(database, shippingMigrationSets);
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
  const store = createEventStore(database);
  const commands = createShippingCommands(store);
  const runner = startProjectionRunner(store, [shipmentsProjection], {
    pollIntervalMs: 200,
    ...(options.instanceId && { instanceId: options.instanceId }),
    log: (message, fields) => log.info({ ...fields, service: "shipping" }, message),
  });
  const warehouse: Warehouse = startWarehouse(store, commands, {
    dispatchDelayMs: env.SHIP_DELAY_MS,
    deliveryDelayMs: env.DELIVERY_DELAY_MS,
    // The inbox hands it each new request (packNow), and it follows those on its own timers: its rounds over the
    // read model only pick up what a restart or a failure left behind, so they need not chase every new event.
    pollIntervalMs: 500,
    log: (message, fields) => log.warn({ ...fields, service: "shipping" }, message),
  });
  const relay = startRelay(store, {
    name: "shipping",
    transport,
    toMessages: shippingToMessages,
    log: (message, fields) => log.info({ ...fields, relay: "shipping" }, message),
  });
  const inbox = transport.consume(
    { ...SHIPPING_INBOX, maxDeliver: INBOX_MAX_DELIVER, backoffMs: INBOX_BACKOFF_MS, concurrency: 32, log: (message, fields) => log.warn({ ...fields, inbox: "shipping" }, message) },
    async (message) => {
      const translated = toShippingCommand(message);
      if ("ignore" in translated) return;
      const metadata = inboxMetadata(message, "service:shop");
      await commands.execute(translated.command, metadata);
      // The warehouse packs a new request at once and dispatches it when its delay is over, without waiting for its
      // read model to show it (a crash here leaves the request for the warehouse's next round: the step's command id
      // is the same either way).
      if (translated.command.type === "RequestShipment") warehouse.packNow(translated.command.data.shipmentId, metadata.correlationId, metadata.now);
    },
  );
  return {
    database,
    store,
    commands,
    runner,
    relay,
    inbox,
    api: { store, db: database.db },
    async stop() {
      await inbox.stop();
      await relay.stop();
      await warehouse.stop();
      await runner.stop();
      await commands.idle();
      await database.close();
    },
  };
}
