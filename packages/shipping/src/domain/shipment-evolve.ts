import type { ShipmentEvent } from "./shipment-events.ts";
import type { KnownShipment, ShipmentState } from "./shipment-state.ts";

/**
 * Total, like every evolve: a step for a shipment never requested changes nothing, except a cancellation, which is
 * remembered so that a request arriving after it (messages of different subjects may be redelivered out of order)
 * is refused instead of shipping a cancelled order.
 */
export function evolveShipment(state: ShipmentState, event: ShipmentEvent): ShipmentState {
  if (state.status === "none") {
    switch (event.type) {
      case "ShipmentRequested":
        return { ...base(event.data), lines: event.data.lines, status: "requested", updatedAt: event.data.requestedAt };
      case "ShipmentCancelled":
        return { ...base(event.data), status: "cancelled", updatedAt: event.data.cancelledAt, reason: event.data.reason };
      default:
        return state;
    }
  }
  return evolveKnown(state, event);
}

function base(data: { shipmentId: string; orderId: string }): KnownShipment {
  return { status: "requested", shipmentId: data.shipmentId, orderId: data.orderId, lines: [], carrier: null, trackingNumber: null, updatedAt: "", reason: null };
}

function evolveKnown(shipment: KnownShipment, event: ShipmentEvent): KnownShipment {
  switch (event.type) {
    case "ShipmentRequested":
      return shipment;
    case "ShipmentPacked":
      return { ...shipment, status: "packed", updatedAt: event.data.packedAt };
    case "ShipmentDispatched":
      return { ...shipment, status: "dispatched", carrier: event.data.carrier, trackingNumber: event.data.trackingNumber, updatedAt: event.data.dispatchedAt };
    case "ShipmentDelivered":
      return { ...shipment, status: "delivered", updatedAt: event.data.deliveredAt };
    case "ShipmentFailed":
      return { ...shipment, status: "failed", reason: event.data.reason, updatedAt: event.data.failedAt };
    case "ShipmentCancelled":
      return { ...shipment, status: "cancelled", reason: event.data.reason, updatedAt: event.data.cancelledAt };
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}
