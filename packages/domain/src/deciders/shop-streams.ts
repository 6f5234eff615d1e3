import { DomainError } from "../errors/domain-error.ts";
import { isCartEvent, isOrderEvent, isProductEvent, isUserEvent } from "../events/event-streams.ts";
import type { ShopEvent } from "../events/shop-event.ts";
import type { StreamType } from "../shared/stream-ids.ts";
import { cartDecider } from "./cart/cart-decider.ts";
import type { CartState } from "./cart/cart-state.ts";
import type { Reducer } from "./decider.ts";
import { orderDecider } from "./order/order-decider.ts";
import type { OrderState } from "./order/order-state.ts";
import { productDecider } from "./product/product-decider.ts";
import type { ProductState } from "./product/product-state.ts";
import { userDecider } from "./user/user-decider.ts";
import type { UserState } from "./user/user-state.ts";

/** The state each stream type folds into. */
export interface ShopStreamStates {
  user: UserState;
  product: ProductState;
  cart: CartState;
  order: OrderState;
}

/** How a stream of one type folds, over the whole event union: what the command handler and time travel load with. */
export interface ShopStreamReducer<S> extends Reducer<S, ShopEvent> {
  readonly streamType: StreamType;
  /** The decider's reducer version: snapshots taken by another version are ignored. */
  readonly reducerVersion: number;
}

/**
 * The one map from stream type to its decider's fold. A stream holds only its own type's events: another type's
 * event reaching `evolve` is a bug in the caller, refused with a typed error instead of a silently wrong state.
 */
export const shopStreamReducers: { readonly [T in StreamType]: ShopStreamReducer<ShopStreamStates[T]> } = {
  user: overAllEvents(userDecider, isUserEvent),
  product: overAllEvents(productDecider, isProductEvent),
  cart: overAllEvents(cartDecider, isCartEvent),
  order: overAllEvents(orderDecider, isOrderEvent),
};

function overAllEvents<S, E extends ShopEvent>(
  decider: Reducer<S, E> & { readonly streamType: StreamType; readonly reducerVersion: number },
  belongs: (event: ShopEvent) => event is E,
): ShopStreamReducer<S> {
  return {
    streamType: decider.streamType,
    reducerVersion: decider.reducerVersion,
    initialState: () => decider.initialState(),
    evolve(state, event) {
      if (!belongs(event)) throw new DomainError("INVARIANT_BROKEN", `a ${decider.streamType} stream cannot hold a ${event.type} event`);
      return decider.evolve(state, event);
    },
  };
}
