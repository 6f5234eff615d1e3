import { cartDecider, fold, orderDecider, productDecider, streamIds, userDecider } from "@chronicle/domain";
import type { CartEvent, OrderEvent, ProductEvent, ShopEvent, ShopStates, UserEvent } from "@chronicle/domain";
import type { StreamReader } from "@chronicle/event-store";

/** The domain's view of current state, folded from whatever streams the reader hands out. */
export function shopStatesOver(stream: StreamReader<ShopEvent>): ShopStates {
  return {
    user: (id) => fold(userDecider, stream(streamIds.user(id)) as readonly UserEvent[]),
    product: (id) => fold(productDecider, stream(streamIds.product(id)) as readonly ProductEvent[]),
    cart: (id) => fold(cartDecider, stream(streamIds.cart(id)) as readonly CartEvent[]),
    order: (id) => fold(orderDecider, stream(streamIds.order(id)) as readonly OrderEvent[]),
  };
}
