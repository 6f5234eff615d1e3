import { DomainError } from "@chronicle/domain";
import type { ShipmentLine } from "./shipment-events.ts";
import type { ShipmentStatus } from "./shipment-status.ts";

export interface KnownShipment {
  readonly status: ShipmentStatus;
  readonly shipmentId: string;
  readonly orderId: string;
  /** Empty for a shipment cancelled before it was ever requested (the cancellation arrived first). */
  readonly lines: readonly ShipmentLine[];
  readonly carrier: string | null;
  readonly trackingNumber: string | null;
  readonly updatedAt: string;
  readonly reason: string | null;
}

export type ShipmentState = { readonly status: "none" } | KnownShipment;

export function initialShipmentState(): ShipmentState {
  return { status: "none" };
}

export function requireShipment(state: ShipmentState, shipmentId: string): KnownShipment {
  if (state.status === "none") throw new DomainError("NOT_FOUND", `Shipment ${shipmentId} does not exist`);
  return state;
}
