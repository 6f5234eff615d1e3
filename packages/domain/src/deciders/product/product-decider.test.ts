import { describe, it } from "vitest";
import { eur, sampleEvents } from "../../testing/samples.ts";
import { specification } from "../../testing/specification.ts";
import { productDecider } from "./product-decider.ts";

const given = specification(productDecider);
const listed = [sampleEvents.productListed("101", eur(1200)), sampleEvents.stockReceived("101", 10)];
const list = {
  type: "ListProduct",
  data: { productId: "101", sku: "MUG-1", name: "Mug", description: "Stoneware", price: eur(1200) },
} as const;

describe("product decider: catalog", () => {
  it("lists a product once", () => {
    given([]).when(list).then([{ type: "ProductListed", data: list.data }]);
    given(listed).when(list).thenThrows("ALREADY_EXISTS");
  });

  it("refuses prices that are not whole minor units in an ISO currency", () => {
    given([]).when({ ...list, data: { ...list.data, price: { amount: 12.5, currency: "EUR" } } }).thenThrows("VALIDATION");
    given([]).when({ ...list, data: { ...list.data, price: { amount: 1200, currency: "euro" } } }).thenThrows("VALIDATION");
  });

  it("changes a price; the same price changes nothing; a delisted product keeps its last price", () => {
    const change = { type: "ChangePrice", data: { productId: "101", price: eur(990) } } as const;
    given(listed).when(change).then([{ type: "ProductPriceChanged", data: change.data }]);
    given(listed).when({ ...change, data: { productId: "101", price: eur(1200) } }).thenNothingHappens();
    given([...listed, { type: "ProductDelisted", data: { productId: "101" } }]).when(change).thenThrows("ILLEGAL_STATE");
    given([]).when(change).thenThrows("NOT_FOUND");
  });

  it("delists once; delisting again changes nothing", () => {
    const delist = { type: "DelistProduct", data: { productId: "101" } } as const;
    given(listed).when(delist).then([{ type: "ProductDelisted", data: { productId: "101" } }]);
    given([...listed, { type: "ProductDelisted", data: { productId: "101" } }]).when(delist).thenNothingHappens();
  });
});

describe("product decider: stock", () => {
  it("receives stock in positive whole quantities", () => {
    const receive = { type: "ReceiveStock", data: { productId: "101", quantity: 5 } } as const;
    given(listed).when(receive).then([{ type: "StockReceived", data: receive.data }]);
    given(listed).when({ ...receive, data: { productId: "101", quantity: 0 } }).thenThrows("VALIDATION");
    given(listed).when({ ...receive, data: { productId: "101", quantity: 2.5 } }).thenThrows("VALIDATION");
    given([]).when(receive).thenThrows("NOT_FOUND");
  });

  it("invariant: stock never goes below zero (adjustment)", () => {
    const adjust = (delta: number) => ({ type: "AdjustStock", data: { productId: "101", delta, reason: "count" } }) as const;
    given(listed).when(adjust(-10)).then([{ type: "StockAdjusted", data: adjust(-10).data }]);
    given(listed).when(adjust(-11)).thenThrows("INSUFFICIENT_STOCK");
    given(listed).when(adjust(0)).thenThrows("VALIDATION");
  });

  it("invariant: reserved units cannot be adjusted away", () => {
    const reserved = { type: "StockReserved", data: { productId: "101", orderId: "1001", quantity: 8 } } as const;
    given([...listed, reserved])
      .when({ type: "AdjustStock", data: { productId: "101", delta: -3, reason: "breakage" } })
      .thenThrows("INSUFFICIENT_STOCK");
  });

  it("releases an order's reservation once; releasing again or without one changes nothing", () => {
    const reserved = { type: "StockReserved", data: { productId: "101", orderId: "1001", quantity: 4 } } as const;
    const release = { type: "ReleaseStock", data: { productId: "101", orderId: "1001" } } as const;
    given([...listed, reserved])
      .when(release)
      .then([{ type: "StockReleased", data: { productId: "101", orderId: "1001", quantity: 4 } }]);
    given([...listed, reserved, { type: "StockReleased", data: reserved.data }]).when(release).thenNothingHappens();
    given(listed).when(release).thenNothingHappens();
  });
});
