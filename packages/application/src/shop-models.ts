import { cartDecider, orderDecider, productDecider, userDecider } from "@chronicle/domain";
import type { CartState, OrderState, ProductState, ShopEvent, StreamType, UserState } from "@chronicle/domain";
import type { StreamModel } from "@chronicle/event-store";

/**
 * Snapshot intervals per stream type. Products (every stock movement and reservation) and carts (a user's whole
 * shopping life) grow without bound; users and orders stay a handful of events, where a snapshot lookup would cost
 * more than the fold it saves.
 */
export const DEFAULT_SNAPSHOT_EVERY: Readonly<Partial<Record<StreamType, number>>> = { product: 100, cart: 100 };

// A type, not an interface: the handler takes any record of models, and only type literals are records.
export type ShopStreamModels = {
  user: StreamModel<UserState, ShopEvent>;
  product: StreamModel<ProductState, ShopEvent>;
  cart: StreamModel<CartState, ShopEvent>;
  order: StreamModel<OrderState, ShopEvent>;
};

/** The domain's deciders as the event store's stream models: how each stream type folds into a state. */
export function shopStreamModels(snapshotEvery: Partial<Record<StreamType, number>> = DEFAULT_SNAPSHOT_EVERY): ShopStreamModels {
  const model = <S, E extends ShopEvent>(decider: StreamModel<S, E>, streamType: StreamType): StreamModel<S, ShopEvent> => ({
    reducerVersion: decider.reducerVersion,
    initialState: () => decider.initialState(),
    // A stream holds only its own type's events (the decider's `evolve` refuses any other with a DomainError).
    evolve: (state, event) => decider.evolve(state, event as E),
    snapshotEvery: snapshotEvery[streamType],
  });
  return {
    user: model(userDecider, "user"),
    product: model(productDecider, "product"),
    cart: model(cartDecider, "cart"),
    order: model(orderDecider, "order"),
  };
}
