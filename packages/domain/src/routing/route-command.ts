import type { ShopCommand } from "../commands/shop-command.ts";
import { cartDecider } from "../deciders/cart/cart-decider.ts";
import type { CartState } from "../deciders/cart/cart-state.ts";
import type { DecideContext, Decider } from "../deciders/decider.ts";
import { orderDecider } from "../deciders/order/order-decider.ts";
import type { OrderState } from "../deciders/order/order-state.ts";
import { productDecider } from "../deciders/product/product-decider.ts";
import type { ProductState } from "../deciders/product/product-state.ts";
import { userDecider } from "../deciders/user/user-decider.ts";
import type { UserState } from "../deciders/user/user-state.ts";
import { unreachable } from "../errors/unreachable.ts";
import type { ShopEvent } from "../events/shop-event.ts";
import { decidePlaceOrder } from "../multi-stream/decide-place-order.ts";
import { decideReserveStock } from "../multi-stream/decide-reserve-stock.ts";
import type { StreamEvents } from "../multi-stream/stream-events.ts";
import type { CommandMetadata } from "../shared/metadata.ts";

/** Current state per stream, however the caller keeps it (an in-memory map here, the event store in the API). */
export interface ShopStates {
  user(userId: string): UserState;
  product(productId: string): ProductState;
  cart(userId: string): CartState;
  order(orderId: string): OrderState;
}

/**
 * Which decider a command goes to and which other streams it reads: the wiring a command handler needs, written
 * once for the in-memory shop. The API's handler follows the same table with the event store behind `ShopStates`.
 */
export function routeCommand(states: ShopStates, command: ShopCommand, metadata: CommandMetadata): readonly StreamEvents[] {
  const productsById = (ids: readonly string[]) => Object.fromEntries(ids.map((id) => [id, states.product(id)]));
  switch (command.type) {
    case "RegisterUser":
    case "ChangeUserEmail":
    case "ForgetCustomer":
      return single(userDecider, command, states.user(command.data.userId), { metadata });
    case "ListProduct":
    case "ChangePrice":
    case "DelistProduct":
    case "ReceiveStock":
    case "AdjustStock":
    case "ReleaseStock":
      return single(productDecider, command, states.product(command.data.productId), { metadata });
    case "AddProductToCart":
    case "RemoveProductFromCart":
    case "ChangeCartItemQuantity": {
      const products = productsById([command.data.productId]);
      return single(cartDecider, command, states.cart(command.data.userId), { metadata, products });
    }
    case "PlaceOrder": {
      const cart = states.cart(command.data.userId);
      const products = productsById(cart.items.map((item) => item.productId));
      return decidePlaceOrder(command, { order: states.order(command.data.orderId), cart, products }, metadata);
    }
    case "ReserveStock":
      return decideReserveStock(command, productsById(command.data.lines.map((line) => line.productId)));
    case "CancelOrder":
    case "ConfirmOrder":
    case "RejectOrder":
    case "ShipOrder":
    case "MarkOrderDelivered":
      return single(orderDecider, command, states.order(command.data.orderId), { metadata });
    default:
      return unreachable(command);
  }
}

function single<C, E extends ShopEvent, S, D extends object>(
  decider: Decider<C, E, S, D>,
  command: C,
  state: S,
  context: DecideContext<D>,
): readonly StreamEvents[] {
  return [{ streamId: decider.streamIdOf(command), events: decider.decide(command, state, context) }];
}
