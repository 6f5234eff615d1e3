import { DomainError, type DecideContext } from "@chronicle/domain";
import type { ShipmentCommand } from "./shipment-commands.ts";
import type { ShipmentEvent } from "./shipment-events.ts";
import { requireShipment, type ShipmentState } from "./shipment-state.ts";

/**
 * Commands arrive from a queue that may redeliver (the inbox) and from the warehouse's own process: repeating a
 * step that already happened is a no-op, contradicting one is an ILLEGAL_STATE error (a dead letter in the inbox).
 */
export function decideShipment(command: ShipmentCommand, state: ShipmentState, context: DecideContext): readonly ShipmentEvent[] {
  const { now } = context.metadata;
  switch (command.type) {
    case "RequestShipment": {
      const { shipmentId, orderId, lines } = command.data;
      if (state.status === "none") return [{ type: "ShipmentRequested", data: { shipmentId, orderId, lines, requestedAt: now } }];
      if (state.orderId !== orderId) throw new DomainError("ALREADY_EXISTS", `Shipment ${shipmentId} belongs to order ${state.orderId}, not ${orderId}`);
      // The order was cancelled before its confirmation got here: nothing to ship, and nothing wrong either.
      return [];
    }
    case "PackShipment": {
      const shipment = requireShipment(state, command.data.shipmentId);
      if (shipment.status === "requested") return [{ type: "ShipmentPacked", data: { ...ids(shipment), packedAt: now } }];
      if (shipment.status === "packed" || shipment.status === "dispatched" || shipment.status === "delivered") return [];
      throw illegal(shipment.shipmentId, shipment.status, "packed");
    }
    case "DispatchShipment": {
      const shipment = requireShipment(state, command.data.shipmentId);
      const { carrier, trackingNumber } = command.data;
      if (shipment.status === "packed") return [{ type: "ShipmentDispatched", data: { ...ids(shipment), carrier, trackingNumber, dispatchedAt: now } }];
      if (shipment.status === "dispatched" || shipment.status === "delivered") return [];
      if (shipment.status === "requested") throw new DomainError("ILLEGAL_STATE", `Shipment ${shipment.shipmentId} must be packed before it is dispatched`);
      throw illegal(shipment.shipmentId, shipment.status, "dispatched");
    }
    case "DeliverShipment": {
      const shipment = requireShipment(state, command.data.shipmentId);
      if (shipment.status === "dispatched") return [{ type: "ShipmentDelivered", data: { ...ids(shipment), deliveredAt: now } }];
      if (shipment.status === "delivered") return [];
      throw illegal(shipment.shipmentId, shipment.status, "delivered");
    }
    case "FailShipment": {
      const shipment = requireShipment(state, command.data.shipmentId);
      if (shipment.status === "failed") return [];
      if (shipment.status === "delivered" || shipment.status === "cancelled") throw illegal(shipment.shipmentId, shipment.status, "failed");
      return [{ type: "ShipmentFailed", data: { ...ids(shipment), reason: command.data.reason, failedAt: now } }];
    }
    case "CancelShipment": {
      const { shipmentId, orderId, reason } = command.data;
      // Cancelled before it was requested: remembered, so a late request ships nothing.
      if (state.status === "none") return [{ type: "ShipmentCancelled", data: { shipmentId, orderId, reason, cancelledAt: now } }];
      if (state.orderId !== orderId) throw new DomainError("ILLEGAL_STATE", `Shipment ${shipmentId} belongs to order ${state.orderId}, not ${orderId}`);
      if (state.status === "requested" || state.status === "packed") return [{ type: "ShipmentCancelled", data: { shipmentId, orderId, reason, cancelledAt: now } }];
      if (state.status === "cancelled" || state.status === "failed") return [];
      throw new DomainError("ILLEGAL_STATE", `Shipment ${shipmentId} is ${state.status}: a parcel that has left cannot be cancelled`);
    }
    default: {
      const unknown: never = command;
      throw new DomainError("VALIDATION", `Unknown shipment command ${JSON.stringify((unknown as { type: unknown }).type)}`);
    }
  }
}

function ids(shipment: { shipmentId: string; orderId: string }): { shipmentId: string; orderId: string } {
  return { shipmentId: shipment.shipmentId, orderId: shipment.orderId };
}

function illegal(shipmentId: string, status: string, wanted: string): DomainError {
  return new DomainError("ILLEGAL_STATE", `Shipment ${shipmentId} is ${status} and cannot be ${wanted}`);
}
