import { upcastShipmentEvent } from "@chronicle/shipping/domain";
import { messageFrom, type ContractMessage, type SourceEvent } from "./message.ts";

/** What shipping tells the world: a parcel left (carrier, tracking number), arrived, or was stopped. */
const PUBLIC_TYPES = new Set(["ShipmentDispatched", "ShipmentDelivered", "ShipmentCancelled"]);

export function shippingToMessages(source: SourceEvent): ContractMessage[] {
  if (!PUBLIC_TYPES.has(source.type)) return [];
  const event = upcastShipmentEvent(source);
  switch (event.type) {
    case "ShipmentDispatched": {
      const { shipmentId, orderId, carrier, trackingNumber, dispatchedAt } = event.data;
      return [messageFrom("shipping.shipment.dispatched.v1", source, { shipmentId, orderId, carrier, trackingNumber, dispatchedAt }, orderId)];
    }
    case "ShipmentDelivered": {
      const { shipmentId, orderId, deliveredAt } = event.data;
      return [messageFrom("shipping.shipment.delivered.v1", source, { shipmentId, orderId, deliveredAt }, orderId)];
    }
    case "ShipmentCancelled": {
      const { shipmentId, orderId, reason, cancelledAt } = event.data;
      return [messageFrom("shipping.shipment.cancelled.v1", source, { shipmentId, orderId, reason, cancelledAt }, orderId)];
    }
    case "ShipmentRequested":
    case "ShipmentPacked":
    case "ShipmentFailed":
      return [];
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
