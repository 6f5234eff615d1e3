import { describe, expect, it } from "vitest";
import type { ShopCommand } from "../commands/shop-command.ts";
import type { StreamEvents } from "../multi-stream/stream-events.ts";
import { cartDecider } from "../deciders/cart/cart-decider.ts";
import type { Reducer } from "../deciders/decider.ts";
import type { CartEvent } from "../events/cart-events.ts";
import { reducerSpecification } from "./reducer-specification.ts";
import { sampleEvents } from "./samples.ts";
import { shopSpecification } from "./shop-specification.ts";

const given = shopSpecification();
const stocked = { "product-101": [sampleEvents.productListed("101"), sampleEvents.stockReceived("101", 3)] };
const reserve = (quantity: number): ShopCommand => ({ type: "ReserveStock", data: { orderId: "1001", lines: [{ productId: "101", quantity }] } });

describe("shopSpecification: a routed command over every stream it reads", () => {
  it("passes when the decision is the expected one, and fails when it is not", () => {
    const reserved: StreamEvents[] = [{ streamId: "product-101", events: [{ type: "StockReserved", data: { productId: "101", orderId: "1001", quantity: 2 } }] }];
    given(stocked).when(reserve(2)).then(reserved);
    expect(() => given(stocked).when(reserve(4)).then(reserved)).toThrow(/expected/);
  });

  it("reads streams missing from the history as empty (a product never listed)", () => {
    expect(() => given({}).when(reserve(1)).then([])).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
  });
});

describe("reducerSpecification: a slice of events, then the state", () => {
  const spec = reducerSpecification(cartDecider);
  const added = sampleEvents.addedToCart("1", "101", 2);

  it("folds from the given state, or the initial one", () => {
    spec([added]).then({ items: [{ productId: "101", quantity: 2 }] });
    spec([{ type: "CartCheckedOut", data: { userId: "1", orderId: "1001" } }], { from: { items: [{ productId: "101", quantity: 2 }] } }).then({ items: [] });
    expect(() => spec([added]).then({ items: [] })).toThrow(/expected/);
  });

  it("fails a reducer that mutates its input", () => {
    const mutating: Reducer<{ items: unknown[] }, CartEvent> = {
      initialState: () => ({ items: [] }),
      evolve: (state, event) => (state.items.push(event.data), state),
    };
    expect(() => reducerSpecification(mutating)([added], { from: { items: [] } }).then({ items: [added.data] })).toThrow(TypeError);
  });
});
