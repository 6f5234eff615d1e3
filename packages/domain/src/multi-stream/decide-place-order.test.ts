import { describe, expect, it } from "vitest";
import { cartDecider } from "../deciders/cart/cart-decider.ts";
import { orderDecider } from "../deciders/order/order-decider.ts";
import { fold } from "../replay/fold.ts";
import { eur, listedProduct, sampleEvents } from "../testing/samples.ts";
import { SPEC_NOW } from "../testing/specification.ts";
import { decidePlaceOrder } from "./decide-place-order.ts";

const placeOrder = { type: "PlaceOrder", data: { userId: "1", orderId: "1001" } } as const;
const metadata = { now: SPEC_NOW };
const products = { "101": listedProduct("101", eur(1200)) };
const cart = fold(cartDecider, [sampleEvents.addedToCart("1", "101", 2)]);

describe("decidePlaceOrder (order + cart, one atomic append)", () => {
  it("places the order and checks the cart out; the cart is empty after it", () => {
    const decided = decidePlaceOrder(placeOrder, { order: orderDecider.initialState(), cart, products }, metadata);
    expect(decided.map(({ streamId, events }) => [streamId, events.map((event) => event.type)])).toEqual([
      ["order-1001", ["OrderPlaced"]],
      ["cart-1", ["CartCheckedOut"]],
    ]);
    const cartEvents = decided[1]?.events ?? [];
    expect(fold(cartDecider, cartEvents as Parameters<typeof cartDecider.evolve>[1][], cart)).toEqual({ items: [] });
  });

  it("decides nothing for either stream when the order id is taken", () => {
    const existing = fold(orderDecider, [sampleEvents.orderPlaced("1001", "2")]);
    expect(() => decidePlaceOrder(placeOrder, { order: existing, cart, products }, metadata)).toThrow(
      expect.objectContaining({ code: "ALREADY_EXISTS" }),
    );
  });

  it("invariant: an empty cart cannot be ordered", () => {
    const empty = cartDecider.initialState();
    expect(() => decidePlaceOrder(placeOrder, { order: orderDecider.initialState(), cart: empty, products }, metadata)).toThrow(
      expect.objectContaining({ code: "ILLEGAL_STATE" }),
    );
  });
});
