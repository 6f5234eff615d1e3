import { describe, expect, it } from "vitest";
import { parseStreamId, streamIds } from "./stream-ids.ts";

describe("stream ids", () => {
  it("are <type>-<id>, a cart keyed by its user", () => {
    expect([streamIds.user("1"), streamIds.product("101"), streamIds.cart("1"), streamIds.order("1001")]).toEqual([
      "user-1",
      "product-101",
      "cart-1",
      "order-1001",
    ]);
  });

  it("parse back, UUID ids (with dashes) included", () => {
    const id = "0b8f5a52-3f4e-4a57-9d4c-7d5e2b1a9c10";
    expect(parseStreamId(streamIds.order(id))).toEqual({ streamType: "order", id });
  });

  it("refuse anything else with a VALIDATION error", () => {
    for (const bad of ["order", "order-", "invoice-1", "-1"]) {
      expect(() => parseStreamId(bad)).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    }
  });
});
