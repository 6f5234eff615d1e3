import type { PlaceOrder } from "../../commands/order-commands.ts";
import { DomainError } from "../../errors/domain-error.ts";
import type { OrderEvent } from "../../events/order-events.ts";
import { totalOf, type OrderLine } from "../../events/order-line.ts";
import { lookup } from "../../shared/records.ts";
import type { DecideContext } from "../decider.ts";
import type { CartItem, CartState } from "../cart/cart-state.ts";
import type { ProductState } from "../product/product-state.ts";
import type { OrderState } from "./order-state.ts";

export interface OrderDependencies {
  /** PlaceOrder only: the buyer's cart and the current state of every product in it, loaded by the handler. */
  readonly checkout?: { readonly cart: CartState; readonly products: Readonly<Record<string, ProductState>> };
}

/** Lines and prices come from the cart and the products' current state, never from the client. */
export function placeOrder({ data }: PlaceOrder, state: OrderState, context: DecideContext<OrderDependencies>): readonly OrderEvent[] {
  if (state.status !== "none") throw new DomainError("ALREADY_EXISTS", `Order ${data.orderId} already exists`);
  const { checkout } = context;
  if (checkout === undefined) {
    throw new DomainError("INVARIANT_BROKEN", "PlaceOrder needs the cart and its products in the decide context");
  }
  const [first, ...rest] = checkout.cart.items.map((item) => priceLine(item, lookup(checkout.products, item.productId)));
  if (first === undefined) throw new DomainError("ILLEGAL_STATE", "An empty cart cannot be ordered");
  const currency = first.unitPrice.currency;
  if (rest.some((line) => line.unitPrice.currency !== currency)) {
    throw new DomainError("ILLEGAL_STATE", "The cart mixes currencies; one order is paid in one currency");
  }
  const lines = [first, ...rest];
  const total = totalOf(lines, currency);
  return [{ type: "OrderPlaced", data: { ...data, lines, total, placedAt: context.metadata.now } }];
}

function priceLine(item: CartItem, product: ProductState | undefined): OrderLine {
  if (product === undefined || product.status !== "listed") {
    throw new DomainError("ILLEGAL_STATE", `Product ${item.productId} is no longer sold; remove it from the cart`);
  }
  return { productId: item.productId, quantity: item.quantity, unitPrice: product.price };
}
