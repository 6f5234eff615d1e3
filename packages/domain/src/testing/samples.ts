import { productDecider } from "../deciders/product/product-decider.ts";
import type { ProductState } from "../deciders/product/product-state.ts";
import type { CartEvent } from "../events/cart-events.ts";
import type { OrderLine } from "../events/order-line.ts";
import { totalOf } from "../events/order-line.ts";
import type { OrderPlaced } from "../events/order-events.ts";
import type { ProductEvent } from "../events/product-events.ts";
import type { UserRegistered } from "../events/user-events.ts";
import { fold } from "../replay/fold.ts";
import type { Price } from "../shared/money.ts";
import { SPEC_NOW } from "./specification.ts";

/** Small builders of valid events, so a specification states only what matters to it. */
export const eur = (amount: number): Price => ({ amount, currency: "EUR" });

export const sampleEvents = {
  userRegistered: (userId = "1", name = "Alice", email = "alice@example.com"): UserRegistered => ({
    type: "UserRegistered",
    data: { userId, name, email: { kind: "known", address: email } },
  }),
  productListed: (productId = "101", price: Price = eur(1200)): ProductEvent => ({
    type: "ProductListed",
    data: { productId, sku: `SKU-${productId}`, name: `Product ${productId}`, description: "", price },
  }),
  stockReceived: (productId = "101", quantity = 10): ProductEvent => ({ type: "StockReceived", data: { productId, quantity } }),
  addedToCart: (userId = "1", productId = "101", quantity = 1): CartEvent => ({
    type: "ProductAddedToCart",
    data: { userId, productId, quantity },
  }),
  orderPlaced: (orderId = "1001", userId = "1", lines: readonly OrderLine[] = [{ productId: "101", quantity: 2, unitPrice: eur(1200) }]): OrderPlaced => ({
    type: "OrderPlaced",
    data: { userId, orderId, lines: [...lines], total: totalOf(lines, lines[0]?.unitPrice.currency ?? "EUR"), placedAt: SPEC_NOW },
  }),
};

/** A listed product with stock, as the cart and order deciders receive it in their context. */
export function listedProduct(productId = "101", price: Price = eur(1200), stock = 10): ProductState {
  const events = [sampleEvents.productListed(productId, price), sampleEvents.stockReceived(productId, stock)];
  return fold(productDecider, events);
}
