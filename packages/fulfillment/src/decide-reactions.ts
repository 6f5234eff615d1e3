import { upcast, type ShopCommand, type ShopEvent } from "@chronicle/domain";
import type { StoredEvent } from "@chronicle/event-store";

/** A command the process will send, with the id that makes sending it twice harmless. */
export interface Reaction {
  commandId: string;
  command: ShopCommand;
  /** Send no earlier than this many milliseconds after now. */
  delayMs: number;
}

export interface OrderMemory {
  remember?: { orderId: string; lines: { productId: string; quantity: number }[] };
  /** Lines of a cancelled order whose stock must be released. */
  releaseFor?: string;
}

/**
 * The fulfillment process as a pure function of one event: on OrderPlaced reserve stock for every line; reserved
 * (all-or-nothing) → confirm; rejected → reject with the reason; cancelled → release. Shipping is not the shop's
 * business any more: the shipping service hears of the confirmation (an integration event) and the shop hears back.
 * Command ids derive from the order id, so replaying the process's inputs sends nothing new.
 */
export function reactTo(stored: StoredEvent): { reactions: Reaction[]; memory: OrderMemory } {
  const event: ShopEvent = upcast({ type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data });
  switch (event.type) {
    case "OrderPlaced": {
      const { orderId, lines } = event.data;
      const reserve = lines.map((l) => ({ productId: l.productId, quantity: l.quantity }));
      return {
        reactions: [{ commandId: `fulfillment:reserve:${orderId}`, command: { type: "ReserveStock", data: { orderId, lines: reserve } }, delayMs: 0 }],
        memory: { remember: { orderId, lines: reserve } },
      };
    }
    case "StockReserved":
      return { reactions: [{ commandId: `fulfillment:confirm:${event.data.orderId}`, command: { type: "ConfirmOrder", data: { orderId: event.data.orderId } }, delayMs: 0 }], memory: {} };
    case "StockReservationRejected": {
      const { orderId, productId, requested, available } = event.data;
      const reason = `Not enough stock of product ${productId}: ${requested} requested, ${available} available`;
      return { reactions: [{ commandId: `fulfillment:reject:${orderId}`, command: { type: "RejectOrder", data: { orderId, reason } }, delayMs: 0 }], memory: {} };
    }
    case "OrderCancelled":
      return { reactions: [], memory: { releaseFor: event.data.orderId } };
    case "UserRegistered":
    case "UserEmailChanged":
    case "CustomerForgotten":
    case "ProductListed":
    case "ProductPriceChanged":
    case "ProductDelisted":
    case "StockReceived":
    case "StockAdjusted":
    case "StockReleased":
    case "ProductAddedToCart":
    case "ProductRemovedFromCart":
    case "CartItemQuantityChanged":
    case "CartCheckedOut":
    case "OrderConfirmed":
    case "OrderRejected":
    case "OrderShipped":
    case "OrderDelivered":
      return { reactions: [], memory: {} };
    default: {
      const unknown: never = event;
      throw new Error(`fulfillment does not know event ${(unknown as { type: string }).type}`);
    }
  }
}
