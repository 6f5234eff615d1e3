import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cartDecider } from "../deciders/cart/cart-decider.ts";
import type { Reducer } from "../deciders/decider.ts";
import { orderDecider } from "../deciders/order/order-decider.ts";
import { productDecider } from "../deciders/product/product-decider.ts";
import { userDecider } from "../deciders/user/user-decider.ts";
import type { ShopEvent } from "../events/shop-event.ts";
import { adminOrdersReducer } from "../read-models/admin-orders.ts";
import { catalogReducer } from "../read-models/catalog.ts";
import { customerOrdersReducer } from "../read-models/customer-orders.ts";
import { overviewReducer } from "../read-models/overview.ts";
import { salesPerDayReducer } from "../read-models/sales-per-day.ts";
import { parseStreamId, type StreamType } from "../shared/stream-ids.ts";
import { commandSequenceArb } from "../testing/arbitraries.ts";
import { deepFreeze } from "../testing/deep-freeze.ts";
import { runTolerantly } from "../testing/run-sequence.ts";
import { fold } from "./fold.ts";

// Deciders are typed per stream; here any recorded stream is folded by the decider of its type.
const deciders = { user: userDecider, product: productDecider, cart: cartDecider, order: orderDecider } as unknown as Record<
  StreamType,
  Reducer<unknown, ShopEvent>
>;
const readModels = [overviewReducer, catalogReducer, adminOrdersReducer, customerOrdersReducer, salesPerDayReducer] as Reducer<
  unknown,
  ShopEvent
>[];

/** Every (reducer, events) pair a history offers: each stream with its decider, the whole log with each read model. */
function foldables(commands: Parameters<typeof runTolerantly>[0]) {
  const { shop } = runTolerantly(commands);
  const streams = shop.streamIds().map((id) => ({ reducer: deciders[parseStreamId(id).streamType], events: shop.stream(id) }));
  return [...streams, ...readModels.map((reducer) => ({ reducer, events: shop.events() }))];
}

describe("property: replay", () => {
  it("is deterministic, and never mutates events or states (all deep-frozen)", () => {
    fc.assert(
      fc.property(commandSequenceArb(), (commands) => {
        expect(runTolerantly(commands).shop.log()).toEqual(runTolerantly(commands).shop.log());
        for (const { reducer, events } of foldables(commands)) {
          const frozen = deepFreeze(events);
          let state = deepFreeze(reducer.initialState());
          for (const event of frozen) state = deepFreeze(reducer.evolve(state, event));
          expect(fold(reducer, frozen)).toEqual(state);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("folding a snapshot taken at any version k, then the tail, equals folding everything", () => {
    fc.assert(
      fc.property(commandSequenceArb(), (commands) => {
        for (const { reducer, events } of foldables(commands)) {
          const whole = fold(reducer, events);
          for (let k = 0; k <= events.length; k += 1) {
            // Through JSON, as a snapshot is stored: the state must survive serialization unchanged.
            const snapshot: unknown = JSON.parse(JSON.stringify(fold(reducer, events.slice(0, k))));
            expect(fold(reducer, events.slice(k), snapshot)).toEqual(whole);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
