import { executeShopCommand } from "@chronicle/application";
import { SHOP_INBOX, shopToMessages, toShopCommand } from "@chronicle/contracts";
import { startRelay, type Consumer, type Relay, type Transport } from "@chronicle/messaging";
import type { Platform } from "../open-platform.ts";
import { inboxMetadata } from "./inbox.ts";

export interface ShopMessaging {
  relay: Relay;
  inbox: Consumer;
  stop(): Promise<void>;
}

/** Retries of one message before it goes to the dead letters, and the pauses between them. */
export const INBOX_MAX_DELIVER = 5;
export const INBOX_BACKOFF_MS = [200, 1000, 3000, 10_000];

/**
 * The shop's side of the integration: its outbox relay (OrderConfirmed / OrderCancelled → public messages, published
 * from its own checkpoint, one active relay across processes) and its inbox (shipping's dispatched / delivered →
 * ShipOrder / MarkOrderDelivered, acknowledged only once the command committed).
 */
export function startShopMessaging(platform: Platform, transport: Transport): ShopMessaging {
  const { store, log } = platform;
  const relay = startRelay(store, {
    name: "shop",
    transport,
    toMessages: shopToMessages,
    log: (message, fields) => log.info({ ...fields, relay: "shop" }, message),
  });
  const inbox = transport.consume(
    { ...SHOP_INBOX, maxDeliver: INBOX_MAX_DELIVER, backoffMs: INBOX_BACKOFF_MS, concurrency: 32, log: (message, fields) => log.warn({ ...fields, inbox: "shop" }, message) },
    async (message) => {
      const translated = toShopCommand(message);
      if ("ignore" in translated) return;
      await executeShopCommand(store, translated.command, inboxMetadata(message, "service:shipping"));
    },
  );
  return {
    relay,
    inbox,
    async stop() {
      await inbox.stop();
      await relay.stop();
    },
  };
}
