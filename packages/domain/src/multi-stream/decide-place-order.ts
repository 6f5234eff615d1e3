import type { PlaceOrder } from "../commands/order-commands.ts";
import { cartDecider } from "../deciders/cart/cart-decider.ts";
import type { CartState } from "../deciders/cart/cart-state.ts";
import { orderDecider } from "../deciders/order/order-decider.ts";
import type { OrderState } from "../deciders/order/order-state.ts";
import type { ProductState } from "../deciders/product/product-state.ts";
import type { CommandMetadata } from "../shared/metadata.ts";
import type { StreamEvents } from "./stream-events.ts";

/** What the handler loads for PlaceOrder: `order-<orderId>`, `cart-<userId>` and each `product-<id>` in the cart. */
export interface PlaceOrderStates {
  readonly order: OrderState;
  readonly cart: CartState;
  readonly products: Readonly<Record<string, ProductState>>;
}

/**
 * PlaceOrder changes two streams: OrderPlaced on `order-<orderId>` and CartCheckedOut on `cart-<userId>`. Each
 * decider decides its own half (the order prices the lines from product state; the cart refuses to check out
 * empty), and both halves are appended in one transaction: a cart is never emptied without an order, nor ordered
 * twice. The order half runs first, so a repeated order id fails with ALREADY_EXISTS before the cart is touched.
 */
export function decidePlaceOrder(
  command: PlaceOrder,
  states: PlaceOrderStates,
  metadata: CommandMetadata,
): readonly StreamEvents[] {
  const checkout = { cart: states.cart, products: states.products };
  const orderEvents = orderDecider.decide(command, states.order, { metadata, checkout });
  const cartEvents = cartDecider.decide(command, states.cart, { metadata });
  return [
    { streamId: orderDecider.streamIdOf(command), events: orderEvents },
    { streamId: cartDecider.streamIdOf(command), events: cartEvents },
  ];
}
