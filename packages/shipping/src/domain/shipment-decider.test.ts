import { describe, it } from "vitest";
import { reducerSpecification, SPEC_NOW, specification } from "@chronicle/domain/testing";
import { shipmentDecider } from "./shipment-decider.ts";
import type { ShipmentEvent } from "./shipment-events.ts";

const given = specification(shipmentDecider);
const ref = { shipmentId: "1001", orderId: "1001" } as const;
const lines = [{ productId: "101", quantity: 2 }];
const requested: ShipmentEvent = { type: "ShipmentRequested", data: { ...ref, lines, requestedAt: SPEC_NOW } };
const packed: ShipmentEvent = { type: "ShipmentPacked", data: { ...ref, packedAt: SPEC_NOW } };
const dispatched: ShipmentEvent = { type: "ShipmentDispatched", data: { ...ref, carrier: "Chronicle Express", trackingNumber: "CX-1001-7F3A", dispatchedAt: SPEC_NOW } };
const delivered: ShipmentEvent = { type: "ShipmentDelivered", data: { ...ref, deliveredAt: SPEC_NOW } };
const cancelled: ShipmentEvent = { type: "ShipmentCancelled", data: { ...ref, reason: "order cancelled", cancelledAt: SPEC_NOW } };
const failed: ShipmentEvent = { type: "ShipmentFailed", data: { ...ref, reason: "parcel lost", failedAt: SPEC_NOW } };

const request = { type: "RequestShipment", data: { ...ref, lines } } as const;
const pack = { type: "PackShipment", data: { shipmentId: "1001" } } as const;
const dispatch = { type: "DispatchShipment", data: { shipmentId: "1001", carrier: "Chronicle Express", trackingNumber: "CX-1001-7F3A" } } as const;
const deliver = { type: "DeliverShipment", data: { shipmentId: "1001" } } as const;
const cancel = { type: "CancelShipment", data: { ...ref, reason: "order cancelled" } } as const;
const fail = { type: "FailShipment", data: { shipmentId: "1001", reason: "parcel lost" } } as const;

describe("shipment decider: the happy path", () => {
  it("requested → packed → dispatched (carrier and tracking number) → delivered", () => {
    given([]).when(request).then([requested]);
    given([requested]).when(pack).then([packed]);
    given([requested, packed]).when(dispatch).then([dispatched]);
    given([requested, packed, dispatched]).when(deliver).then([delivered]);
  });

  it("invariant: each step repeated changes nothing (the inbox and the warehouse may redeliver)", () => {
    given([requested]).when(request).thenNothingHappens();
    given([requested, packed]).when(pack).thenNothingHappens();
    given([requested, packed, dispatched]).when(dispatch).thenNothingHappens();
    given([requested, packed, dispatched]).when(pack).thenNothingHappens();
    given([requested, packed, dispatched, delivered]).when(deliver).thenNothingHappens();
  });

  it("invariant: no step is skipped", () => {
    given([requested]).when(dispatch).thenThrows("ILLEGAL_STATE", /packed before/);
    given([requested]).when(deliver).thenThrows("ILLEGAL_STATE", /requested/);
    given([requested, packed]).when(deliver).thenThrows("ILLEGAL_STATE", /packed/);
    given([]).when(pack).thenThrows("NOT_FOUND");
  });

  it("an order confirmed before confirmations named their lines still ships (its lines are unknown, not invented)", () => {
    given([]).when({ type: "RequestShipment", data: { ...ref, lines: [] } }).then([{ type: "ShipmentRequested", data: { ...ref, lines: [], requestedAt: SPEC_NOW } }]);
  });

  it("invariant: one shipment belongs to one order", () => {
    given([requested]).when({ type: "RequestShipment", data: { shipmentId: "1001", orderId: "2002", lines } }).thenThrows("ALREADY_EXISTS", /1001/);
  });

  it("refuses a tracking number that is not printable, lines that repeat a product", () => {
    given([requested, packed]).when({ ...dispatch, data: { ...dispatch.data, trackingNumber: "no spaces!" } }).thenThrows("VALIDATION", /tracking/);
    given([]).when({ type: "RequestShipment", data: { ...ref, lines: [...lines, ...lines] } }).thenThrows("INVARIANT_BROKEN", /one line/);
  });
});

describe("shipment decider: cancelling and failing", () => {
  it("invariant: a shipment is cancelled only before it leaves the warehouse", () => {
    given([requested]).when(cancel).then([cancelled]);
    given([requested, packed]).when(cancel).then([cancelled]);
    given([requested, packed, dispatched]).when(cancel).thenThrows("ILLEGAL_STATE", /has left/);
    given([requested, packed, dispatched, delivered]).when(cancel).thenThrows("ILLEGAL_STATE");
    given([requested, cancelled]).when(cancel).thenNothingHappens();
  });

  it("invariant: a cancelled shipment is never packed nor dispatched", () => {
    given([requested, cancelled]).when(pack).thenThrows("ILLEGAL_STATE", /cancelled/);
    given([requested, packed, cancelled]).when(dispatch).thenThrows("ILLEGAL_STATE", /cancelled/);
  });

  it("a cancellation that overtakes the request is remembered: the late request ships nothing", () => {
    given([]).when(cancel).then([cancelled]);
    given([cancelled]).when(request).thenNothingHappens();
    given([cancelled]).when(pack).thenThrows("ILLEGAL_STATE");
  });

  it("fails until delivered; failing twice changes nothing", () => {
    given([requested, packed, dispatched]).when(fail).then([failed]);
    given([requested, failed]).when(fail).thenNothingHappens();
    given([requested, packed, dispatched, delivered]).when(fail).thenThrows("ILLEGAL_STATE");
    given([requested, failed]).when(cancel).thenNothingHappens();
  });
});

describe("shipment reducer", () => {
  it("keeps carrier and tracking number from dispatch, and the reason of a cancellation", () => {
    reducerSpecification(shipmentDecider)([requested, packed, dispatched]).then({
      ...ref,
      status: "dispatched",
      lines,
      carrier: "Chronicle Express",
      trackingNumber: "CX-1001-7F3A",
      updatedAt: SPEC_NOW,
      reason: null,
    });
    reducerSpecification(shipmentDecider)([cancelled, requested]).then({
      ...ref,
      status: "cancelled",
      lines: [],
      carrier: null,
      trackingNumber: null,
      updatedAt: SPEC_NOW,
      reason: "order cancelled",
    });
  });
});
