import { upcast } from "@chronicle/domain";
import { messageFrom, type ContractMessage, type SourceEvent } from "./message.ts";

/**
 * What the shop tells the world, from one event of its log: a confirmed order (with what to ship) and a cancelled
 * one. Everything else stays inside the shop, and is not even decoded (the relay reads every event of the log).
 */
const PUBLIC_TYPES = new Set(["OrderConfirmed", "OrderCancelled"]);

export function shopToMessages(source: SourceEvent): ContractMessage[] {
  if (!PUBLIC_TYPES.has(source.type)) return [];
  const event = upcast(source);
  switch (event.type) {
    case "OrderConfirmed": {
      const { orderId, lines, confirmedAt } = event.data;
      return [messageFrom("shop.order.confirmed.v1", source, { orderId, lines: lines ?? [], confirmedAt }, orderId)];
    }
    case "OrderCancelled": {
      const { orderId, cancelledAt } = event.data;
      return [messageFrom("shop.order.cancelled.v1", source, { orderId, cancelledAt }, orderId)];
    }
    default:
      return [];
  }
}
