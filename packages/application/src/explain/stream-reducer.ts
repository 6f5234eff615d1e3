import { isStreamType, shopStreamReducers, upcast, type Reducer, type ShopEvent } from "@chronicle/domain";
import type { JsonObject, StoredEvent } from "@chronicle/event-store";

/** How a stream's events become a state for time travel, and what that state is, in words for the page. */
export interface StreamReducer {
  readonly kind: "shop" | "generic";
  readonly note: string;
  readonly reducer: Reducer<unknown, StoredEvent>;
}

/** The generic state: how many events of each type, and the data of the latest one of each. */
export interface GenericStreamState {
  readonly events: number;
  readonly types: Readonly<Record<string, { readonly count: number; readonly latest: JsonObject }>>;
}

/**
 * A shop stream folds through its own decider's evolve (the state the command handler decides on). Any other stream
 * (`projection-*`, another service's) has no reducer here, so it gets an honest generic fold instead of a guess.
 */
export function streamReducerFor(streamType: string): StreamReducer {
  if (isStreamType(streamType)) {
    const shop: Reducer<unknown, ShopEvent> = shopStreamReducers[streamType];
    return {
      kind: "shop",
      note: `folded by the ${streamType} decider's own evolve: the state the command handler decides on`,
      reducer: { initialState: shop.initialState, evolve: (state, stored) => shop.evolve(state, upcast(stored)) },
    };
  }
  return {
    kind: "generic",
    note: `no reducer for ${streamType} streams, so a generic fold: the number of events of each type and the latest data of each (not a domain state)`,
    reducer: genericReducer,
  };
}

const genericReducer: Reducer<GenericStreamState, StoredEvent> = {
  initialState: () => ({ events: 0, types: {} }),
  evolve: (state, event) => ({
    events: state.events + 1,
    types: {
      ...state.types,
      [event.type]: { count: (Object.hasOwn(state.types, event.type) ? state.types[event.type]!.count : 0) + 1, latest: event.data },
    },
  }),
};
