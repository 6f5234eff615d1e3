import { describe, expect, it } from "vitest";
import { DomainError } from "../errors/domain-error.ts";
import { sampleEvents } from "../testing/samples.ts";
import { parseEvent } from "./parse-event.ts";
import { currentSchemaVersion } from "./registry.ts";
import { toVersionedEvent, upcast } from "./upcast.ts";

const failsWith = (code: string, run: () => unknown) => {
  expect(run).toThrow(DomainError);
  expect(run).toThrow(expect.objectContaining({ code }));
};

describe("upcast", () => {
  it("turns UserRegistered v1 into v2 with an explicitly unknown email", () => {
    expect(upcast({ type: "UserRegistered", schemaVersion: 1, data: { userId: "1", userName: "Alice" } })).toEqual({
      type: "UserRegistered",
      data: { userId: "1", name: "Alice", email: { kind: "unknown" } },
    });
  });

  it("turns OrderShipped v1 (the shop's own timer) into v2 with no carrier and no tracking number, not invented ones", () => {
    expect(upcast({ type: "OrderShipped", schemaVersion: 1, data: { orderId: "1001", shippedAt: "2024-03-04T08:30:00.000Z" } })).toEqual({
      type: "OrderShipped",
      data: { orderId: "1001", carrier: null, trackingNumber: null, shippedAt: "2024-03-04T08:30:00.000Z" },
    });
  });

  it("turns OrderConfirmed v1 into v2 whose lines are unknown (null), and writes new confirmations as v2", () => {
    expect(upcast({ type: "OrderConfirmed", schemaVersion: 1, data: { orderId: "1001", confirmedAt: "2024-03-01T09:10:01.000Z" } })).toEqual({
      type: "OrderConfirmed",
      data: { orderId: "1001", lines: null, confirmedAt: "2024-03-01T09:10:01.000Z" },
    });
    expect(currentSchemaVersion("OrderConfirmed")).toBe(2);
    expect(currentSchemaVersion("OrderShipped")).toBe(2);
  });

  it("passes a current-version event through unchanged", () => {
    const event = sampleEvents.userRegistered("2", "Bob", "bob@example.com");
    expect(upcast(toVersionedEvent(event))).toEqual(event);
    expect(toVersionedEvent(event).schemaVersion).toBe(2);
    expect(currentSchemaVersion("OrderPlaced")).toBe(1);
  });

  it("fails with UNKNOWN_EVENT_TYPE for a type the registry does not know (including prototype names)", () => {
    failsWith("UNKNOWN_EVENT_TYPE", () => upcast({ type: "UserDeleted", schemaVersion: 1, data: {} }));
    failsWith("UNKNOWN_EVENT_TYPE", () => upcast({ type: "toString", schemaVersion: 1, data: {} }));
  });

  it("fails with UPCAST_FAILED for an unknown version or data that fails its version's schema", () => {
    failsWith("UPCAST_FAILED", () => upcast({ type: "UserRegistered", schemaVersion: 3, data: {} }));
    failsWith("UPCAST_FAILED", () => upcast({ type: "UserRegistered", schemaVersion: 0, data: {} }));
    // A v2 shape stored under v1 is refused, not half-read.
    failsWith("UPCAST_FAILED", () =>
      upcast({ type: "UserRegistered", schemaVersion: 1, data: { userId: "1", name: "Alice", email: { kind: "unknown" } } }),
    );
  });
});

describe("parseEvent", () => {
  it("validates the current version and lists zod's issues", () => {
    expect(() => parseEvent({ type: "StockReceived", data: { productId: "101", quantity: -1 } })).toThrow(
      expect.objectContaining({ code: "VALIDATION", issues: [expect.objectContaining({ path: ["data", "quantity"] })] }),
    );
    failsWith("UNKNOWN_EVENT_TYPE", () => parseEvent({ type: "Nope", data: {} }));
    failsWith("UNKNOWN_EVENT_TYPE", () => parseEvent(null));
  });

  it("invariant in the schema: an OrderPlaced total must equal Σ lines, in one currency", () => {
    const placed = sampleEvents.orderPlaced();
    expect(parseEvent(placed)).toEqual(placed);
    failsWith("VALIDATION", () => parseEvent({ ...placed, data: { ...placed.data, total: { amount: 1, currency: "EUR" } } }));
    failsWith("VALIDATION", () => parseEvent({ ...placed, data: { ...placed.data, total: { amount: 2400, currency: "USD" } } }));
    failsWith("VALIDATION", () => parseEvent({ ...placed, data: { ...placed.data, lines: [] } }));
  });
});
