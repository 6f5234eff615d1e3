import { describe, it } from "vitest";
import type { OrderConfirmed } from "../../events/order-events.ts";
import { fold } from "../../replay/fold.ts";
import { eur, listedProduct, sampleEvents } from "../../testing/samples.ts";
import { SPEC_NOW, specification } from "../../testing/specification.ts";
import { cartDecider } from "../cart/cart-decider.ts";
import { productDecider } from "../product/product-decider.ts";
import { orderDecider } from "./order-decider.ts";

const cartOf = (...events: Parameters<typeof cartDecider.evolve>[1][]) => fold(cartDecider, events);
const products = { "101": listedProduct("101", eur(1200)), "102": listedProduct("102", eur(2500)) };
const aliceCart = cartOf(sampleEvents.addedToCart("1", "101", 2), sampleEvents.addedToCart("1", "102", 1));
const given = specification(orderDecider, { context: { checkout: { cart: aliceCart, products } } });
const placeOrder = { type: "PlaceOrder", data: { userId: "1", orderId: "1001" } } as const;
const placed = sampleEvents.orderPlaced("1001", "1");

describe("order decider: placing", () => {
  it("prices lines from the products' current state; invariant: total = Σ lines", () => {
    given([])
      .when(placeOrder)
      .then([
        {
          type: "OrderPlaced",
          data: {
            userId: "1",
            orderId: "1001",
            lines: [
              { productId: "101", quantity: 2, unitPrice: eur(1200) },
              { productId: "102", quantity: 1, unitPrice: eur(2500) },
            ],
            total: eur(4900),
            placedAt: SPEC_NOW,
          },
        },
      ]);
  });

  it("invariant: products are ordered at their current price, not the one they had when added", () => {
    const repriced = fold(productDecider, [sampleEvents.productListed("101", eur(1200)), { type: "ProductPriceChanged", data: { productId: "101", price: eur(999) } }]);
    given([])
      .when(placeOrder, { context: { checkout: { cart: cartOf(sampleEvents.addedToCart("1", "101", 2)), products: { "101": repriced } } } })
      .then([
        {
          type: "OrderPlaced",
          data: { userId: "1", orderId: "1001", lines: [{ productId: "101", quantity: 2, unitPrice: eur(999) }], total: eur(1998), placedAt: SPEC_NOW },
        },
      ]);
  });

  it("invariant: an empty cart cannot be ordered", () => {
    given([]).when(placeOrder, { context: { checkout: { cart: cartOf(), products } } }).thenThrows("ILLEGAL_STATE", /empty cart/);
  });

  it("refuses an order id that is taken, a delisted product, mixed currencies", () => {
    given([placed]).when(placeOrder).thenThrows("ALREADY_EXISTS");
    const delisted = fold(productDecider, [sampleEvents.productListed("102"), { type: "ProductDelisted", data: { productId: "102" } }]);
    given([]).when(placeOrder, { context: { checkout: { cart: aliceCart, products: { ...products, "102": delisted } } } }).thenThrows("ILLEGAL_STATE", /102/);
    const dollars = { ...products, "102": listedProduct("102", { amount: 2500, currency: "USD" }) };
    given([]).when(placeOrder, { context: { checkout: { cart: aliceCart, products: dollars } } }).thenThrows("ILLEGAL_STATE", /currenc/);
  });

  it("takes the time from metadata, never from a clock", () => {
    const now = "2030-01-02T03:04:05.000Z";
    const cart = cartOf(sampleEvents.addedToCart("1", "101", 1));
    given([])
      .when(placeOrder, { metadata: { now }, context: { checkout: { cart, products } } })
      .then([{ type: "OrderPlaced", data: { userId: "1", orderId: "1001", lines: [{ productId: "101", quantity: 1, unitPrice: eur(1200) }], total: eur(1200), placedAt: now } }]);
  });
});

describe("order decider: lifecycle", () => {
  const confirmed: OrderConfirmed = { type: "OrderConfirmed", data: { orderId: "1001", lines: [{ productId: "101", quantity: 2 }], confirmedAt: SPEC_NOW } };
  const shipped = { type: "OrderShipped", data: { orderId: "1001", carrier: "Chronicle Express", trackingNumber: "CX-1001-7F3A", shippedAt: SPEC_NOW } } as const;
  const delivered = { type: "OrderDelivered", data: { orderId: "1001", deliveredAt: SPEC_NOW } } as const;
  const rejected = { type: "OrderRejected", data: { orderId: "1001", reason: "out of stock", rejectedAt: SPEC_NOW } } as const;
  const cancelled = { type: "OrderCancelled", data: { orderId: "1001", cancelledAt: SPEC_NOW } } as const;
  const cancel = { type: "CancelOrder", data: { orderId: "1001" } } as const;
  const confirm = { type: "ConfirmOrder", data: { orderId: "1001" } } as const;
  const reject = { type: "RejectOrder", data: { orderId: "1001", reason: "out of stock" } } as const;

  it("invariant: an order can be cancelled until it ships (pending, or confirmed and still in the warehouse)", () => {
    given([placed]).when(cancel).then([cancelled]);
    given([placed, confirmed]).when(cancel).then([cancelled]);
    given([placed, rejected]).when(cancel).thenThrows("ILLEGAL_STATE");
    given([placed, cancelled]).when(cancel).thenThrows("ILLEGAL_STATE");
    given([]).when(cancel).thenThrows("NOT_FOUND");
  });

  it("invariant: a shipped or delivered order cannot be cancelled", () => {
    given([placed, confirmed, shipped]).when(cancel).thenThrows("ILLEGAL_STATE", /shipped/);
    given([placed, confirmed, shipped, delivered]).when(cancel).thenThrows("ILLEGAL_STATE", /shipped/);
  });

  it("invariant: confirming twice changes nothing (idempotent), even after shipping; a confirmation names its lines", () => {
    given([placed]).when(confirm).then([confirmed]);
    given([placed, confirmed, shipped, delivered]).when(confirm).thenNothingHappens();
    given([placed, confirmed]).when(confirm).thenNothingHappens();
    given([placed, confirmed, shipped]).when(confirm).thenNothingHappens();
    given([placed, rejected]).when(confirm).thenThrows("ILLEGAL_STATE");
  });

  it("invariant: rejecting twice changes nothing (idempotent)", () => {
    given([placed]).when(reject).then([rejected]);
    given([placed, rejected]).when(reject).thenNothingHappens();
    given([placed, confirmed]).when(reject).thenThrows("ILLEGAL_STATE");
  });

  it("ships only a confirmed order, with its carrier and tracking number; shipping again changes nothing", () => {
    const ship = { type: "ShipOrder", data: { orderId: "1001", carrier: "Chronicle Express", trackingNumber: "CX-1001-7F3A" } } as const;
    given([placed]).when(ship).thenThrows("ILLEGAL_STATE", /pending/);
    given([placed, confirmed]).when(ship).then([shipped]);
    given([placed, confirmed, shipped]).when(ship).thenNothingHappens();
    given([placed, confirmed, shipped, delivered]).when(ship).thenNothingHappens();
    given([placed, confirmed, cancelled]).when(ship).thenThrows("ILLEGAL_STATE", /cancelled/);
    given([placed, confirmed]).when({ ...ship, data: { ...ship.data, trackingNumber: "" } }).thenThrows("VALIDATION", /tracking/);
  });

  it("delivers only a shipped order; delivering again changes nothing", () => {
    const deliver = { type: "MarkOrderDelivered", data: { orderId: "1001" } } as const;
    given([placed, confirmed]).when(deliver).thenThrows("ILLEGAL_STATE", /confirmed/);
    given([placed, confirmed, shipped]).when(deliver).then([delivered]);
    given([placed, confirmed, shipped, delivered]).when(deliver).thenNothingHappens();
  });
});
