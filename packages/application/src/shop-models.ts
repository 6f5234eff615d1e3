import { shopStreamReducers } from "@chronicle/domain";
import type { ShopEvent, ShopStreamStates, StreamType } from "@chronicle/domain";
import type { StreamModel } from "@chronicle/event-store";

/**
 * Snapshot intervals per stream type. Products (every stock movement and reservation) and carts (a user's whole
 * shopping life) grow without bound; users and orders stay a handful of events, where a snapshot lookup would cost
 * more than the fold it saves. Every 20, not 100: a load reads about half the interval on average, and reading and
 * folding those rows was the largest part of a cart.add (measured on PGlite under the web bench's load: the load
 * statement took 2.5 ms of a command's 4.3 ms of database time with 100), while a snapshot costs two statements once
 * per interval, in the background.
 */
export const DEFAULT_SNAPSHOT_EVERY: Readonly<Partial<Record<StreamType, number>>> = { product: 20, cart: 20 };

// A type, not an interface: the handler takes any record of models, and only type literals are records.
export type ShopStreamModels = { [T in StreamType]: StreamModel<ShopStreamStates[T], ShopEvent> };

/** The domain's stream reducers as the event store's stream models, with their snapshot intervals. */
export function shopStreamModels(snapshotEvery: Partial<Record<StreamType, number>> = DEFAULT_SNAPSHOT_EVERY): ShopStreamModels {
  const model = <T extends StreamType>(streamType: T): StreamModel<ShopStreamStates[T], ShopEvent> => {
    const reducer: StreamModel<ShopStreamStates[T], ShopEvent> = shopStreamReducers[streamType];
    return { reducerVersion: reducer.reducerVersion, initialState: reducer.initialState, evolve: reducer.evolve, snapshotEvery: snapshotEvery[streamType] };
  };
  return { user: model("user"), product: model("product"), cart: model("cart"), order: model("order") };
}
