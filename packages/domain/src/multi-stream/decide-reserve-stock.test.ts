import { describe, expect, it } from "vitest";
import { productDecider } from "../deciders/product/product-decider.ts";
import type { ProductEvent } from "../events/product-events.ts";
import { fold } from "../replay/fold.ts";
import { eur, listedProduct } from "../testing/samples.ts";
import { decideReserveStock } from "./decide-reserve-stock.ts";

const reserve = (lines: { productId: string; quantity: number }[]) => ({ type: "ReserveStock", data: { orderId: "1001", lines } }) as const;
const products = { "101": listedProduct("101", eur(1200), 5), "102": listedProduct("102", eur(2500), 1) };

describe("decideReserveStock (all or nothing across products)", () => {
  it("reserves every line on its product stream", () => {
    expect(decideReserveStock(reserve([{ productId: "101", quantity: 2 }, { productId: "102", quantity: 1 }]), products)).toEqual([
      { streamId: "product-101", events: [{ type: "StockReserved", data: { productId: "101", orderId: "1001", quantity: 2 } }] },
      { streamId: "product-102", events: [{ type: "StockReserved", data: { productId: "102", orderId: "1001", quantity: 1 } }] },
    ]);
  });

  it("invariant: stock never goes below zero; a short product rejects and nothing is reserved", () => {
    expect(decideReserveStock(reserve([{ productId: "101", quantity: 2 }, { productId: "102", quantity: 3 }]), products)).toEqual([
      {
        streamId: "product-102",
        events: [{ type: "StockReservationRejected", data: { productId: "102", orderId: "1001", requested: 3, available: 1 } }],
      },
    ]);
  });

  it("is idempotent per order: a redelivered ReserveStock decides nothing", () => {
    const reserved: ProductEvent = { type: "StockReserved", data: { productId: "101", orderId: "1001", quantity: 2 } };
    const after = { ...products, "101": fold(productDecider, [reserved], products["101"]) };
    expect(decideReserveStock(reserve([{ productId: "101", quantity: 2 }]), after)).toEqual([]);
  });

  it("refuses unknown products and repeated lines", () => {
    expect(() => decideReserveStock(reserve([{ productId: "999", quantity: 1 }]), products)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    const twice = reserve([{ productId: "101", quantity: 1 }, { productId: "101", quantity: 1 }]);
    expect(() => decideReserveStock(twice, products)).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });
});
