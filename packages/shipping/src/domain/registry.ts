import { DomainError, parseOrThrow, upcastWith, type EventTypeEntry, type VersionedEvent } from "@chronicle/domain";
import {
  ShipmentCancelledSchema,
  ShipmentDeliveredSchema,
  ShipmentDispatchedSchema,
  ShipmentEventSchema,
  ShipmentFailedSchema,
  ShipmentPackedSchema,
  ShipmentRequestedSchema,
  type ShipmentEvent,
  type ShipmentEventType,
} from "./shipment-events.ts";

function onlyVersion1(schema: { shape: { data: unknown } }): EventTypeEntry {
  return { currentVersion: 1, versions: { 1: schema.shape.data as EventTypeEntry["versions"][number] }, upcasters: {} };
}

/** Shipping's event registry, in the shop's shape: every version ever written, with upcasters between them. */
export const shipmentEventRegistry = {
  ShipmentRequested: onlyVersion1(ShipmentRequestedSchema),
  ShipmentPacked: onlyVersion1(ShipmentPackedSchema),
  ShipmentDispatched: onlyVersion1(ShipmentDispatchedSchema),
  ShipmentDelivered: onlyVersion1(ShipmentDeliveredSchema),
  ShipmentFailed: onlyVersion1(ShipmentFailedSchema),
  ShipmentCancelled: onlyVersion1(ShipmentCancelledSchema),
} as const satisfies Record<ShipmentEventType, EventTypeEntry>;

export function isShipmentEventType(type: unknown): type is ShipmentEventType {
  return typeof type === "string" && Object.hasOwn(shipmentEventRegistry, type);
}

/** A stored shipping event as its current version (the shop's upcasting, over this registry). */
export function upcastShipmentEvent(stored: VersionedEvent): ShipmentEvent {
  return upcastWith(shipmentEventRegistry, stored) as ShipmentEvent;
}

/** The envelope the store writes for a freshly decided event. */
export function toVersionedShipmentEvent(event: ShipmentEvent): { type: string; schemaVersion: number; data: ShipmentEvent["data"] } {
  return { type: event.type, schemaVersion: shipmentEventRegistry[event.type].currentVersion, data: event.data };
}

/** Validates an event against its current schema. */
export function parseShipmentEvent(event: unknown): ShipmentEvent {
  const type = typeof event === "object" && event !== null && "type" in event ? event.type : undefined;
  if (!isShipmentEventType(type)) throw new DomainError("UNKNOWN_EVENT_TYPE", `Unknown shipment event type ${JSON.stringify(type)}`);
  return parseOrThrow(ShipmentEventSchema, event, `${type} event`);
}
