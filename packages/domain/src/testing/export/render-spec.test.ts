import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { renderDecisionSpec, renderReducerSpec } from "./index.ts";
import { sourceOf } from "./source-literal.ts";

/** Evaluates rendered source as the test file's code would (a literal, nothing else). */
const evaluate = (source: string): unknown => new Function(`return (${source});`)();

describe("sourceOf: values as TypeScript source", () => {
  it("writes any JSON value so that it evaluates to the same value", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      expect(evaluate(sourceOf(value, 4))).toEqual(JSON.parse(JSON.stringify(value)));
    }), { numRuns: 300 });
  });

  it("keeps keys bare where they are identifiers, quotes others, and defines (never sets) __proto__", () => {
    expect(sourceOf({ userId: "1", "101": 2, "a-b": 3 })).toBe('{ "101": 2, userId: "1", "a-b": 3 }');
    const parsed = JSON.parse('{"__proto__": {"polluted": true}}');
    const back = evaluate(sourceOf(parsed)) as object;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.keys(back)).toEqual(["__proto__"]);
  });

  it("breaks a long value into one entry per line, indented from where it starts", () => {
    const long = { description: "x".repeat(100), price: { amount: 1, currency: "EUR" } };
    expect(sourceOf(long, 2)).toBe(`{\n    description: "${"x".repeat(100)}",\n    price: { amount: 1, currency: "EUR" },\n  }`);
  });
});

describe("rendered spec files", () => {
  it("a decider's decision: given the stream's events, when the command with its metadata, then the events", () => {
    const source = renderDecisionSpec({
      provenance: ["Exported from the log."],
      title: "cart-1: AddProductToCart",
      name: "decides the same events again",
      decider: "cartDecider",
      context: { products: { "101": [{ type: "StockReceived", data: { productId: "101", quantity: 5 } }] } },
      given: [],
      when: { type: "AddProductToCart", data: { userId: "1", productId: "101", quantity: 2 } },
      metadata: { now: "2024-03-01T09:05:00.000Z" },
      then: [{ type: "ProductAddedToCart", data: { userId: "1", productId: "101", quantity: 2 } }],
    });
    expect(source).toBe(`// Exported from the log.
import { describe, it } from "vitest";
import { cartDecider, fold, productDecider } from "@chronicle/domain";
import { specification } from "@chronicle/domain/testing";

const given = specification(cartDecider, {
  context: {
    products: { "101": fold(productDecider, [{ type: "StockReceived", data: { productId: "101", quantity: 5 } }]) },
  },
});

describe("cart-1: AddProductToCart", () => {
  it("decides the same events again", () => {
    given([])
      .when(
        { type: "AddProductToCart", data: { userId: "1", productId: "101", quantity: 2 } },
        { metadata: { now: "2024-03-01T09:05:00.000Z" } },
      )
      .then([{ type: "ProductAddedToCart", data: { userId: "1", productId: "101", quantity: 2 } }]);
  });
});
`);
  });

  it("a stream slice: from the state before it, given its events, then the state after", () => {
    const source = renderReducerSpec({
      provenance: [],
      title: "cart-1 v2..2",
      name: "folds to the recorded state",
      reducer: "cartDecider",
      from: { items: [{ productId: "101", quantity: 2 }] },
      given: [{ type: "CartCheckedOut", data: { userId: "1", orderId: "1001" } }],
      then: { items: [] },
    });
    expect(source).toContain("const given = reducerSpecification(cartDecider);");
    expect(source).toContain(`    given(
      [{ type: "CartCheckedOut", data: { userId: "1", orderId: "1001" } }],
      { from: { items: [{ productId: "101", quantity: 2 }] } },
    )`);
    expect(source).toContain(".then({ items: [] });");
  });
});
