import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ShopCommand } from "./commands/shop-command.ts";
import { cartDecider } from "./deciders/cart/cart-decider.ts";
import type { CartState } from "./deciders/cart/cart-state.ts";
import type { Reducer } from "./deciders/decider.ts";
import { orderDecider } from "./deciders/order/order-decider.ts";
import type { OrderState } from "./deciders/order/order-state.ts";
import { productDecider } from "./deciders/product/product-decider.ts";
import type { ProductState } from "./deciders/product/product-state.ts";
import { userDecider } from "./deciders/user/user-decider.ts";
import type { UserState } from "./deciders/user/user-state.ts";
import { DomainError } from "./errors/domain-error.ts";
import { parseEvent } from "./events/parse-event.ts";
import type { ShopEvent } from "./events/shop-event.ts";
import type { StreamEvents } from "./multi-stream/stream-events.ts";
import { MAX_CART_LINES, MAX_CART_QUANTITY, MAX_STOCK_LEVEL } from "./shared/primitives.ts";
import { parseStreamId, streamIds, type StreamType } from "./shared/stream-ids.ts";
import { commandSequenceArb } from "./testing/arbitraries.ts";
import { InMemoryShop, type RecordedEvent } from "./testing/in-memory-shop.ts";

const reducers = { user: userDecider, product: productDecider, cart: cartDecider, order: orderDecider } as unknown as Record<
  StreamType,
  Reducer<unknown, ShopEvent>
>;

/** Commands whose successful repetition must decide nothing (redelivery by the fulfillment process, double clicks). */
function mustBeIdempotent(command: ShopCommand, decided: readonly StreamEvents[]): boolean {
  const events = decided.flatMap((stream) => stream.events);
  if (command.type === "ReserveStock") return events.every((event) => event.type === "StockReserved");
  return ["ConfirmOrder", "RejectOrder", "ShipOrder", "MarkOrderDelivered", "DelistProduct", "ReleaseStock", "RemoveProductFromCart"].includes(command.type);
}

/** Walks the whole log in order, with every stream's state just before each event, and checks each rule. */
function checkLog(log: readonly RecordedEvent[]): void {
  const states = new Map<string, unknown>();
  const stateOf = <S>(streamId: string): S =>
    (states.get(streamId) ?? reducers[parseStreamId(streamId).streamType].initialState()) as S;
  log.forEach(({ streamId, event }, index) => {
    expect(parseEvent(event), "every recorded event passes its own schema").toEqual(event);
    checkEvent(event, streamId, stateOf, log[index + 1]);
    const next = reducers[parseStreamId(streamId).streamType].evolve(stateOf(streamId), event);
    checkState(parseStreamId(streamId).streamType, next);
    states.set(streamId, next);
  });
}

function checkEvent(event: ShopEvent, streamId: string, stateOf: <S>(id: string) => S, following: RecordedEvent | undefined): void {
  switch (event.type) {
    case "UserRegistered":
      expect(stateOf<UserState>(streamId).status, "a user registers once").toBe("unregistered");
      return;
    case "ProductAddedToCart":
      expect(stateOf<ProductState>(streamIds.product(event.data.productId)).status, "only listed products go into carts").toBe("listed");
      return;
    case "StockReserved": {
      const product = stateOf<ProductState>(streamId);
      const stock = product.status === "unlisted" ? 0 : product.stock;
      expect(stock, "only free stock is reserved").toBeGreaterThanOrEqual(event.data.quantity);
      return;
    }
    case "OrderPlaced": {
      const cart = stateOf<CartState>(streamIds.cart(event.data.userId));
      expect(cart.items.length, "an empty cart cannot be ordered").toBeGreaterThan(0);
      const priced = cart.items.map(({ productId, quantity }) => {
        const product = stateOf<ProductState>(streamIds.product(productId));
        return { productId, quantity, unitPrice: product.status === "unlisted" ? undefined : product.price };
      });
      expect(event.data.lines, "lines are the cart, at the products' current prices").toEqual(priced);
      const sum = event.data.lines.reduce((total, line) => total + line.quantity * line.unitPrice.amount, 0);
      expect(event.data.total.amount, "order total = Σ lines").toBe(sum);
      expect(following, "the cart is checked out in the same append").toMatchObject({
        streamId: streamIds.cart(event.data.userId),
        event: { type: "CartCheckedOut", data: { orderId: event.data.orderId } },
      });
      return;
    }
    case "OrderCancelled":
      expect(["pending", "confirmed"], "only an order that has not shipped can be cancelled").toContain(stateOf<OrderState>(streamId).status);
      return;
    case "OrderConfirmed":
    case "OrderRejected":
      expect(stateOf<OrderState>(streamId).status, "confirmed or rejected once, from pending").toBe("pending");
      return;
    case "OrderShipped":
      expect(stateOf<OrderState>(streamId).status, "only a confirmed order ships").toBe("confirmed");
      return;
    case "OrderDelivered":
      expect(stateOf<OrderState>(streamId).status, "only a shipped order is delivered").toBe("shipped");
      return;
    default:
      return;
  }
}

function checkState(streamType: StreamType, state: unknown): void {
  if (streamType === "product") {
    const product = state as ProductState;
    if (product.status === "unlisted") return;
    expect(Number.isInteger(product.stock) && product.stock >= 0 && product.stock <= MAX_STOCK_LEVEL, "stock never below zero").toBe(true);
    expect(Object.values(product.reservations).every((quantity) => quantity > 0)).toBe(true);
  }
  if (streamType === "cart") {
    const { items } = state as CartState;
    expect(new Set(items.map((item) => item.productId)).size).toBe(items.length);
    expect(items.length).toBeLessThanOrEqual(MAX_CART_LINES);
    for (const { quantity } of items) {
      expect(Number.isInteger(quantity) && quantity >= 1 && quantity <= MAX_CART_QUANTITY, "quantities stay in bounds").toBe(true);
    }
  }
}

describe("property: random command sequences", () => {
  it("never break an invariant, refuse only with DomainErrors, and repeat idempotent commands as no-ops", () => {
    fc.assert(
      fc.property(commandSequenceArb(), (commands) => {
        const shop = new InMemoryShop();
        for (const { command, metadata } of commands) {
          const before = shop.log().length;
          let decided: readonly StreamEvents[];
          try {
            decided = shop.execute(command, metadata);
          } catch (error) {
            if (!(error instanceof DomainError) || error.code === "INVARIANT_BROKEN") throw error;
            expect(shop.log().length, "a refused command records nothing").toBe(before);
            continue;
          }
          if (mustBeIdempotent(command, decided)) {
            expect(shop.execute(command, metadata).flatMap((stream) => stream.events)).toEqual([]);
          }
        }
        checkLog(shop.log());
      }),
      { numRuns: 1000 },
    );
  });
});
