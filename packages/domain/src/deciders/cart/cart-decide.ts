import type {
  AddProductToCart,
  CartCommand,
  ChangeCartItemQuantity,
  RemoveProductFromCart,
} from "../../commands/cart-commands.ts";
import type { PlaceOrder } from "../../commands/order-commands.ts";
import { DomainError } from "../../errors/domain-error.ts";
import { unreachable } from "../../errors/unreachable.ts";
import type { CartEvent } from "../../events/cart-events.ts";
import { MAX_CART_LINES, MAX_CART_QUANTITY } from "../../shared/primitives.ts";
import { lookup } from "../../shared/records.ts";
import type { DecideContext } from "../decider.ts";
import { requireProduct, type ProductState } from "../product/product-state.ts";
import { quantityInCart } from "./cart-items.ts";
import type { CartState } from "./cart-state.ts";

/** AddProductToCart needs the product's current state: the handler loads `product-<productId>` into `products`. */
export interface CartDependencies {
  readonly products?: Readonly<Record<string, ProductState>>;
}

export function decideCart(command: CartCommand, state: CartState, context: DecideContext<CartDependencies>): readonly CartEvent[] {
  switch (command.type) {
    case "AddProductToCart":
      return addProductToCart(command, state, lookup(context.products ?? {}, command.data.productId));
    case "RemoveProductFromCart":
      return removeProductFromCart(command, state);
    case "ChangeCartItemQuantity":
      return changeCartItemQuantity(command, state);
    case "PlaceOrder":
      return checkOut(command, state);
    default:
      return unreachable(command);
  }
}

/** Only listed products go into a cart, and a line stays within MAX_CART_QUANTITY after the addition. */
function addProductToCart({ data }: AddProductToCart, state: CartState, product: ProductState | undefined): readonly CartEvent[] {
  if (requireProduct(product, data.productId).status !== "listed") {
    throw new DomainError("ILLEGAL_STATE", `Product ${data.productId} is no longer sold`);
  }
  const current = quantityInCart(state.items, data.productId);
  if (current === 0 && state.items.length >= MAX_CART_LINES) {
    throw new DomainError("ILLEGAL_STATE", `A cart holds at most ${MAX_CART_LINES} different products`);
  }
  if (current + data.quantity > MAX_CART_QUANTITY) {
    throw new DomainError("ILLEGAL_STATE", `At most ${MAX_CART_QUANTITY} of product ${data.productId} per cart (has ${current})`);
  }
  return [{ type: "ProductAddedToCart", data }];
}

/** Removing what is not there is already done: a double click is not an error. */
function removeProductFromCart({ data }: RemoveProductFromCart, state: CartState): readonly CartEvent[] {
  return quantityInCart(state.items, data.productId) === 0 ? [] : [{ type: "ProductRemovedFromCart", data }];
}

function changeCartItemQuantity({ data }: ChangeCartItemQuantity, state: CartState): readonly CartEvent[] {
  const current = quantityInCart(state.items, data.productId);
  if (current === 0) throw new DomainError("NOT_FOUND", `Product ${data.productId} is not in the cart`);
  return current === data.quantity ? [] : [{ type: "CartItemQuantityChanged", data }];
}

function checkOut({ data }: PlaceOrder, state: CartState): readonly CartEvent[] {
  if (state.items.length === 0) throw new DomainError("ILLEGAL_STATE", "An empty cart cannot be ordered");
  return [{ type: "CartCheckedOut", data: { userId: data.userId, orderId: data.orderId } }];
}
