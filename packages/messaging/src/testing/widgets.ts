import type { EventStore, StoredEvent } from "@chronicle/event-store";
import type { IntegrationMessage } from "../types.ts";

/**
 * A small test event type for the relay's proofs: `WidgetCounted { n }` on `widget-<id>` streams, each mapped to one
 * integration message on `<prefix>.widget.counted.<streamId>` (the aggregate id in the subject); with `run`, only the
 * streams of that run. Other events map to nothing, as most of a real log does.
 */
export function widgetMessages(prefix: string, run?: string): (event: StoredEvent) => IntegrationMessage[] {
  return (event) => {
    if (event.type !== "WidgetCounted" || (run !== undefined && !event.streamId.startsWith(`widget-${run}`))) return [];
    const message: IntegrationMessage = {
      id: event.eventId,
      subject: `${prefix}.widget.counted.${event.streamId}`,
      type: "test.widget.counted.v1",
      data: { streamId: event.streamId, version: event.streamVersion, n: event.data.n },
      causationId: event.eventId,
      occurredAt: event.recordedAt,
    };
    if (event.metadata.correlationId) message.correlationId = event.metadata.correlationId;
    return [message];
  };
}

export interface WidgetData {
  streamId: string;
  version: number;
  n: number;
}

/**
 * Appends `count` WidgetCounted events spread over `streams` streams, `perAppend` per transaction, plus some noise.
 * `shape` "runs": each transaction appends `perAppend` events to one stream (runs of one aggregate in the log);
 * "interleaved": each transaction appends one event to each of `perAppend` streams (aggregates interleaved).
 */
export async function appendWidgets(
  store: EventStore,
  options: { run: string; count: number; streams: number; perAppend?: number; startAt?: number; shape?: "runs" | "interleaved" },
): Promise<number> {
  const perAppend = options.perAppend ?? 5;
  let appended = 0;
  const start = options.startAt ?? 0;
  const streamOf = (i: number) => `widget-${options.run}${i % options.streams}`;
  const widget = (n: number) => ({ type: "WidgetCounted", data: { n }, metadata: { correlationId: `corr-${options.run}-${n}` } });
  while (appended < options.count) {
    const i = start + appended;
    const size = Math.min(perAppend, options.count - appended);
    if (options.shape === "interleaved") {
      const ids = Array.from({ length: size }, (_, k) => streamOf(i + k));
      await store.transaction(async (tx) => {
        for (const [k, id] of ids.entries()) await tx.append(id, [widget(i + k)]);
      }, { streams: [...new Set(ids)] });
    } else {
      await store.append(streamOf(i), Array.from({ length: size }, (_, k) => widget(i + k)));
    }
    appended += size;
    // Events that map to no message, as most of a real log: the relay must pass over them too.
    if (i % 7 === 0) await store.append(`gadget-${options.run}${i % 3}`, [{ type: "GadgetPolished", data: { i } }]);
  }
  return appended;
}
