import { describe, expect, it } from "vitest";
import { shippingToMessages } from "./shipping-to-messages.ts";
import { shopToMessages } from "./shop-to-messages.ts";
import { toShippingCommand, toShopCommand } from "./receivers.ts";

const source = (type: string, schemaVersion: number, data: unknown, metadata: Record<string, unknown> = { correlationId: "corr-1001" }) => ({
  eventId: "0195f1a2-1111-7000-8000-000000000001",
  type,
  schemaVersion,
  data,
  metadata,
  recordedAt: "2024-03-01T09:10:01.123Z",
});

describe("shop → contracts", () => {
  it("an OrderConfirmed becomes shop.order.confirmed.v1: id = the event's id, subject carries the order, correlation kept", () => {
    const confirmed = source("OrderConfirmed", 2, { orderId: "1001", lines: [{ productId: "101", quantity: 2 }], confirmedAt: "2024-03-01T09:10:01.000Z" });
    expect(shopToMessages(confirmed)).toEqual([
      {
        id: confirmed.eventId,
        subject: "shop.order.confirmed.v1.1001",
        type: "shop.order.confirmed.v1",
        data: { orderId: "1001", lines: [{ productId: "101", quantity: 2 }], confirmedAt: "2024-03-01T09:10:01.000Z" },
        correlationId: "corr-1001",
        causationId: confirmed.eventId,
        occurredAt: "2024-03-01T09:10:01.123Z",
      },
    ]);
  });

  it("an old OrderConfirmed v1 is upcast first (its lines are unknown: empty); an event with no correlation starts one", () => {
    const [message] = shopToMessages(source("OrderConfirmed", 1, { orderId: "1001", confirmedAt: "2024-03-01T09:10:01.000Z" }, {}));
    expect(message).toMatchObject({ data: { orderId: "1001", lines: [] }, correlationId: "0195f1a2-1111-7000-8000-000000000001" });
    // …and shipping still ships it (no dead letter for an order confirmed under the old version).
    expect(toShippingCommand(message!)).toEqual({ command: { type: "RequestShipment", data: { shipmentId: "1001", orderId: "1001", lines: [] } } });
  });

  it("an OrderCancelled becomes shop.order.cancelled.v1; internal events never leave the shop", () => {
    expect(shopToMessages(source("OrderCancelled", 1, { orderId: "1002", cancelledAt: "2024-03-01T09:12:00.000Z" }))).toMatchObject([
      { type: "shop.order.cancelled.v1", subject: "shop.order.cancelled.v1.1002", data: { orderId: "1002", cancelledAt: "2024-03-01T09:12:00.000Z" } },
    ]);
    expect(shopToMessages(source("ProductAddedToCart", 1, { userId: "1", productId: "101", quantity: 2 }))).toEqual([]);
    expect(shopToMessages(source("OrderPlaced", 1, {}))).toEqual([]);
    expect(shopToMessages(source("ShipmentRequested", 1, {}))).toEqual([]);
  });

  it("a broken stored event is a typed error, so the relay halts visibly instead of skipping it", () => {
    expect(() => shopToMessages(source("OrderCancelled", 1, { orderId: "1002" }))).toThrow(expect.objectContaining({ code: "UPCAST_FAILED" }));
  });
});

describe("shipping → contracts", () => {
  it("dispatched, delivered and cancelled leave shipping; requested, packed and failed stay inside", () => {
    const ref = { shipmentId: "1001", orderId: "1001" };
    expect(shippingToMessages(source("ShipmentDispatched", 1, { ...ref, carrier: "Chronicle Express", trackingNumber: "CX-1001-7F3A", dispatchedAt: "2024-03-01T09:10:04.000Z" }))).toMatchObject([
      { type: "shipping.shipment.dispatched.v1", subject: "shipping.shipment.dispatched.v1.1001", correlationId: "corr-1001", data: { trackingNumber: "CX-1001-7F3A" } },
    ]);
    expect(shippingToMessages(source("ShipmentDelivered", 1, { ...ref, deliveredAt: "2024-03-01T09:10:09.000Z" }))).toMatchObject([{ subject: "shipping.shipment.delivered.v1.1001" }]);
    expect(shippingToMessages(source("ShipmentCancelled", 1, { ...ref, reason: "order cancelled", cancelledAt: "2024-03-01T09:10:09.000Z" }))).toHaveLength(1);
    expect(shippingToMessages(source("ShipmentPacked", 1, { ...ref, packedAt: "2024-03-01T09:10:02.000Z" }))).toEqual([]);
    expect(shippingToMessages(source("OrderConfirmed", 2, {}))).toEqual([]);
  });
});

describe("contracts → receivers' commands", () => {
  it("shipping: a confirmed order requests its shipment, a cancelled one cancels it", () => {
    expect(toShippingCommand({ type: "shop.order.confirmed.v1", data: { orderId: "1001", lines: [{ productId: "101", quantity: 2 }], confirmedAt: "2024-03-01T09:10:01.000Z" } })).toEqual({
      command: { type: "RequestShipment", data: { shipmentId: "1001", orderId: "1001", lines: [{ productId: "101", quantity: 2 }] } },
    });
    expect(toShippingCommand({ type: "shop.order.cancelled.v1", data: { orderId: "1002", cancelledAt: "2024-03-01T09:12:00.000Z" } })).toEqual({
      command: { type: "CancelShipment", data: { shipmentId: "1002", orderId: "1002", reason: "the order was cancelled by the shop" } },
    });
    expect(toShippingCommand({ type: "shipping.shipment.delivered.v1", data: { shipmentId: "1", orderId: "1", deliveredAt: "2024-03-01T09:10:09.000Z" } })).toHaveProperty("ignore");
  });

  it("shop: dispatched ships the order with carrier and tracking number, delivered delivers it", () => {
    expect(toShopCommand({ type: "shipping.shipment.dispatched.v1", data: { shipmentId: "1001", orderId: "1001", carrier: "Chronicle Express", trackingNumber: "CX-1001-7F3A", dispatchedAt: "2024-03-01T09:10:04.000Z" } })).toEqual({
      command: { type: "ShipOrder", data: { orderId: "1001", carrier: "Chronicle Express", trackingNumber: "CX-1001-7F3A" } },
    });
    expect(toShopCommand({ type: "shipping.shipment.delivered.v1", data: { shipmentId: "1001", orderId: "1001", deliveredAt: "2024-03-01T09:10:09.000Z" } })).toEqual({
      command: { type: "MarkOrderDelivered", data: { orderId: "1001" } },
    });
    expect(toShopCommand({ type: "shipping.shipment.cancelled.v1", data: { shipmentId: "1", orderId: "1", reason: "x", cancelledAt: "2024-03-01T09:10:09.000Z" } })).toHaveProperty("ignore");
  });

  it("a message that breaks its contract is refused (VALIDATION: it goes to dead letters, it is not guessed at)", () => {
    expect(() => toShopCommand({ type: "shipping.shipment.dispatched.v1", data: { orderId: "1001" } })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });
});
