import type { EventStore, StoredEvent } from "@chronicle/event-store";
import { shippingStreamIds, upcastShipmentEvent, type ShipmentEvent } from "../domain/index.ts";

/** One event of a shipment's story as shipping tells it: what happened, when, and which story it belongs to. */
export interface TimelineEntry {
  eventId: string;
  shipmentId: string;
  version: number;
  type: ShipmentEvent["type"];
  data: ShipmentEvent["data"];
  recordedAt: string;
  correlationId: string | null;
  causationId: string | null;
  commandId: string | null;
  actor: string | null;
}

const text = (value: unknown) => (typeof value === "string" ? value : null);

export function toTimelineEntry(stored: StoredEvent, shipmentId: string): TimelineEntry {
  const event = upcastShipmentEvent(stored);
  return {
    eventId: stored.eventId,
    shipmentId,
    version: stored.streamVersion,
    type: event.type,
    data: event.data,
    recordedAt: stored.recordedAt,
    correlationId: text(stored.metadata.correlationId),
    causationId: text(stored.metadata.causationId),
    commandId: text(stored.metadata.commandId),
    actor: text(stored.metadata.actor),
  };
}

/** A shipment's timeline, read from shipping's log itself (not a projection): oldest first. */
export async function shipmentTimeline(store: EventStore, shipmentId: string): Promise<TimelineEntry[]> {
  const events = await store.readStream(shippingStreamIds.shipment(shipmentId));
  return events.map((stored) => toTimelineEntry(stored, shipmentId));
}
