import { describe, it } from "vitest";
import { fold } from "../../replay/fold.ts";
import { eur, listedProduct, sampleEvents } from "../../testing/samples.ts";
import { specification } from "../../testing/specification.ts";
import { productDecider } from "../product/product-decider.ts";
import { cartDecider } from "./cart-decider.ts";

const mug = listedProduct("101", eur(1200));
const given = specification(cartDecider, { context: { products: { "101": mug } } });
const add = (quantity: number) => ({ type: "AddProductToCart", data: { userId: "1", productId: "101", quantity } }) as const;

describe("cart decider", () => {
  it("adds a listed product (the article's 2 x 101)", () => {
    given([]).when(add(2)).then([{ type: "ProductAddedToCart", data: { userId: "1", productId: "101", quantity: 2 } }]);
  });

  it("invariant: quantities are positive whole numbers with an upper bound", () => {
    for (const quantity of [0, -1, 1.5, 100, Number.NaN]) given([]).when(add(quantity)).thenThrows("VALIDATION");
    given([]).when(add(99)).then([{ type: "ProductAddedToCart", data: { userId: "1", productId: "101", quantity: 99 } }]);
  });

  it("invariant: a line stays within the bound after adding more of the same product", () => {
    given([sampleEvents.addedToCart("1", "101", 90)]).when(add(10)).thenThrows("ILLEGAL_STATE", /at most 99/i);
  });

  it("invariant: only listed products go into carts", () => {
    given([]).when(add(1), { context: { products: {} } }).thenThrows("NOT_FOUND");
    const delisted = fold(productDecider, [sampleEvents.productListed("101"), { type: "ProductDelisted", data: { productId: "101" } }]);
    given([]).when(add(1), { context: { products: { "101": delisted } } }).thenThrows("ILLEGAL_STATE", /no longer sold/);
  });

  it("ignores a price sent by the client: a cart command has no price", () => {
    const withPrice = { ...add(1), data: { ...add(1).data, unitPrice: eur(1) } };
    given([]).when(withPrice).then([{ type: "ProductAddedToCart", data: { userId: "1", productId: "101", quantity: 1 } }]);
  });

  it("removes a product; removing one that is not there changes nothing", () => {
    const remove = { type: "RemoveProductFromCart", data: { userId: "1", productId: "101" } } as const;
    given([sampleEvents.addedToCart("1", "101", 2)]).when(remove).then([{ type: "ProductRemovedFromCart", data: remove.data }]);
    given([]).when(remove).thenNothingHappens();
  });

  it("changes a line's quantity, within the same bounds", () => {
    const change = (quantity: number) => ({ type: "ChangeCartItemQuantity", data: { userId: "1", productId: "101", quantity } }) as const;
    const history = [sampleEvents.addedToCart("1", "101", 2)];
    given(history).when(change(5)).then([{ type: "CartItemQuantityChanged", data: change(5).data }]);
    given(history).when(change(2)).thenNothingHappens();
    given(history).when(change(0)).thenThrows("VALIDATION");
    given([]).when(change(5)).thenThrows("NOT_FOUND");
  });

  it("invariant: an empty cart cannot be ordered (checked out)", () => {
    const placeOrder = { type: "PlaceOrder", data: { userId: "1", orderId: "1001" } } as const;
    given([]).when(placeOrder).thenThrows("ILLEGAL_STATE", /empty cart/);
    given([sampleEvents.addedToCart("1", "101", 2), { type: "CartCheckedOut", data: placeOrder.data }])
      .when(placeOrder)
      .thenThrows("ILLEGAL_STATE");
    given([sampleEvents.addedToCart("1", "101", 2)]).when(placeOrder).then([{ type: "CartCheckedOut", data: placeOrder.data }]);
  });
});
