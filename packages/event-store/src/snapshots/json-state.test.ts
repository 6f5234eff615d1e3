import { describe, expect, it } from "vitest";
import { ConfigurationError } from "../errors.ts";
import { toJsonState } from "./json-state.ts";

describe("toJsonState (what a snapshot may hold)", () => {
  it("serializes plain JSON states", () => {
    const state = { status: "listed", items: [{ id: "1", n: 2.5 }], reservations: { "1001": 2 }, note: null, ok: true };
    expect(JSON.parse(toJsonState(state, "product"))).toEqual(state);
    expect(toJsonState(Object.assign(Object.create(null), { a: 1 }), "x")).toBe('{"a":1}');
  });

  it.each([
    ["a Map", { seen: new Map() }, "state.seen is a Map"],
    ["a Date", { at: new Date(0) }, "state.at is a Date"],
    ["undefined", { a: undefined }, "state.a is undefined"],
    ["NaN", { items: [1, Number.NaN] }, "state.items[1] is NaN"],
    ["a bigint", { n: 1n }, "state.n is a bigint"],
    ["a NUL character", { s: "a\u0000b" }, "state.s contains a NUL character"],
    ["a function", { f: () => 1 }, "state.f is a function"],
  ])("refuses %s with a ConfigurationError naming the path", (_, state, message) => {
    expect(() => toJsonState(state, "cart")).toThrow(ConfigurationError);
    expect(() => toJsonState(state, "cart")).toThrow(message);
  });
});
