import { foldAsync, STREAM_TYPES, upcast, type Reducer, type ShopEvent } from "@chronicle/domain";
import type { EventStore, ReadAllOptions } from "@chronicle/event-store";

/**
 * Replays the shop's history (streamed in batches, upcast on the way) through a pure read-model reducer. The log
 * also holds the platform's own events (a projection's skipped event, on a `projection-…` stream): shop readers read
 * the shop's stream types only, so any such event, today's or a future one, is passed over by that rule.
 */
export async function replay<S>(store: EventStore, reducer: Reducer<S, ShopEvent>, options: ReadAllOptions = {}): Promise<S> {
  return foldAsync(reducer, upcastAll(store, options));
}

async function* upcastAll(store: EventStore, options: ReadAllOptions): AsyncGenerator<ShopEvent> {
  const filter = { ...options.filter, streamTypes: options.filter?.streamTypes ?? [...STREAM_TYPES] };
  for await (const stored of store.readAll({ ...options, filter })) {
    yield upcast({ type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data });
  }
}
