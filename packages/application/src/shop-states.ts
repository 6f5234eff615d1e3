import { streamIds } from "@chronicle/domain";
import type { ShopStates } from "@chronicle/domain";
import type { StateReader } from "@chronicle/event-store";
import type { ShopStreamModels } from "./shop-models.ts";

/** The domain's view of current state, per stream, as the command handler loads it (snapshot + tail). */
export function shopStatesOver(state: StateReader<ShopStreamModels>): ShopStates {
  return {
    user: (id) => state(streamIds.user(id)),
    product: (id) => state(streamIds.product(id)),
    cart: (id) => state(streamIds.cart(id)),
    order: (id) => state(streamIds.order(id)),
  };
}
