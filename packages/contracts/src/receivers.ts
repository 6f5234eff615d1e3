import type { ShopCommand } from "@chronicle/domain";
import { shipmentIdForOrder, type ShipmentCommand } from "@chronicle/shipping/domain";
import { parseContractMessage } from "./message.ts";

/** A command a received message becomes, or nothing when the receiver does not act on that contract. */
export type Translation<C> = { command: C } | { ignore: string };

/**
 * Shipping's inbox: a confirmed order becomes a shipment request (one shipment per order), a cancelled order a
 * cancellation of that shipment. The caller runs the command with the message id as its command id.
 */
export function toShippingCommand(message: { type: string; data: unknown }): Translation<ShipmentCommand> {
  const contract = parseContractMessage(message);
  switch (contract.type) {
    case "shop.order.confirmed.v1": {
      const { orderId, lines } = contract.data;
      return { command: { type: "RequestShipment", data: { shipmentId: shipmentIdForOrder(orderId), orderId, lines } } };
    }
    case "shop.order.cancelled.v1": {
      const { orderId } = contract.data;
      return { command: { type: "CancelShipment", data: { shipmentId: shipmentIdForOrder(orderId), orderId, reason: "the order was cancelled by the shop" } } };
    }
    default:
      return { ignore: `shipping does not act on ${contract.type}` };
  }
}

/** The shop's inbox: a dispatched parcel ships the order (with its tracking), a delivered one delivers it. */
export function toShopCommand(message: { type: string; data: unknown }): Translation<ShopCommand> {
  const contract = parseContractMessage(message);
  switch (contract.type) {
    case "shipping.shipment.dispatched.v1": {
      const { orderId, carrier, trackingNumber } = contract.data;
      return { command: { type: "ShipOrder", data: { orderId, carrier, trackingNumber } } };
    }
    case "shipping.shipment.delivered.v1":
      return { command: { type: "MarkOrderDelivered", data: { orderId: contract.data.orderId } } };
    default:
      return { ignore: `the shop does not act on ${contract.type}` };
  }
}
