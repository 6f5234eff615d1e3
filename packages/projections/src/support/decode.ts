import { EVENT_STREAM_TYPES, upcast, type ShopEvent } from "@chronicle/domain";
import type { StoredEvent } from "@chronicle/event-store";
import { ProjectionError } from "../errors.ts";

export interface Decoded<E extends ShopEvent> {
  readonly event: E;
  readonly stored: StoredEvent;
}

/**
 * Upcasts a whole batch before anything is written. `upcast` throws a DomainError for a type or version the
 * domain does not know; it propagates, so the runner stops the projection at that event instead of skipping it.
 * An event of a stream type the projection does not read (or stored on a stream it does not belong to) throws too.
 */
export function decodeBatch<E extends ShopEvent>(
  projection: string,
  events: readonly StoredEvent[],
  belongs: (event: ShopEvent) => event is E,
): Decoded<E>[] {
  return events.map((stored) => {
    const event = upcast({ type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data });
    if (!belongs(event) || EVENT_STREAM_TYPES[event.type] !== stored.streamType) {
      throw new ProjectionError(
        "UNEXPECTED_EVENT",
        `projection ${projection} does not read ${event.type} on stream ${stored.streamId} (event ${stored.eventId}, position ${stored.position})`,
      );
    }
    return { event, stored };
  });
}

/** Ends a projection's switch: a new event type of its streams fails to compile until it is handled or ignored. */
export function unhandled(projection: string, event: never): never {
  const type = (event as { type?: unknown }).type;
  throw new ProjectionError("UNEXPECTED_EVENT", `projection ${projection} has no case for ${String(type)}`);
}
