import { foldAsync, upcast, type Reducer, type ShopEvent } from "@chronicle/domain";
import type { EventStore, ReadAllOptions } from "@chronicle/event-store";

/** Replays the whole log (streamed in batches, upcast on the way) through a pure read-model reducer. */
export async function replay<S>(store: EventStore, reducer: Reducer<S, ShopEvent>, options: ReadAllOptions = {}): Promise<S> {
  return foldAsync(reducer, upcastAll(store, options));
}

async function* upcastAll(store: EventStore, options: ReadAllOptions): AsyncGenerator<ShopEvent> {
  for await (const stored of store.readAll(options)) {
    yield upcast({ type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data });
  }
}
