import { describe, expect, it } from "vitest";
import { cartDecider } from "../deciders/cart/cart-decider.ts";
import type { CartEvent } from "../events/cart-events.ts";
import { sampleEvents } from "../testing/samples.ts";
import { diffStates } from "./diff.ts";
import { fold, foldAsync } from "./fold.ts";
import { isSnapshotUsable, takeSnapshot, foldFromSnapshot } from "./snapshot.ts";
import { stateAtVersion, timeline } from "./state-at-version.ts";

const events: CartEvent[] = [
  sampleEvents.addedToCart("1", "101", 2),
  sampleEvents.addedToCart("1", "102", 1),
  { type: "CartItemQuantityChanged", data: { userId: "1", productId: "101", quantity: 3 } },
  { type: "CartCheckedOut", data: { userId: "1", orderId: "1001" } },
];

describe("fold", () => {
  it("folds any iterable, sync or async, from the initial state or a given one", async () => {
    function* stream() {
      yield* events;
    }
    async function* pages() {
      yield* events;
    }
    expect(fold(cartDecider, stream())).toEqual({ items: [] });
    expect(await foldAsync(cartDecider, pages())).toEqual({ items: [] });
    expect(fold(cartDecider, events.slice(1, 2), { items: [{ productId: "101", quantity: 2 }] })).toEqual(
      fold(cartDecider, events.slice(0, 2)),
    );
  });
});

describe("snapshots", () => {
  it("are used only when taken by the current reducer version", () => {
    const snapshot = takeSnapshot(cartDecider, fold(cartDecider, events.slice(0, 2)), 2);
    expect(isSnapshotUsable(cartDecider, snapshot)).toBe(true);
    expect(isSnapshotUsable(cartDecider, { ...snapshot, reducerVersion: cartDecider.reducerVersion + 1 })).toBe(false);
    expect(isSnapshotUsable(cartDecider, undefined)).toBe(false);
    expect(foldFromSnapshot(cartDecider, snapshot, events.slice(2))).toEqual(fold(cartDecider, events));
  });
});

describe("time travel", () => {
  it("shows the state at version k and what event k changed", () => {
    expect(stateAtVersion(cartDecider, events, 0)).toEqual({ version: 0, state: { items: [] }, event: undefined, changes: [] });
    expect(stateAtVersion(cartDecider, events, 3)).toEqual({
      version: 3,
      state: { items: [{ productId: "101", quantity: 3 }, { productId: "102", quantity: 1 }] },
      event: events[2],
      changes: [{ path: "items.0.quantity", before: 2, after: 3 }],
    });
  });

  it("refuses versions that do not exist", () => {
    expect(() => stateAtVersion(cartDecider, events, 5)).toThrow(expect.objectContaining({ code: "NOT_FOUND" }));
    expect(() => stateAtVersion(cartDecider, events, -1)).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => stateAtVersion(cartDecider, events, 1.5)).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });

  it("streams the whole timeline, one version per event", () => {
    expect([...timeline(cartDecider, events)].map((view) => view.version)).toEqual([1, 2, 3, 4]);
    expect([...timeline(cartDecider, events)].at(-1)?.state).toEqual(fold(cartDecider, events));
  });

  it("diffs added, removed and changed keys, arrays by index", () => {
    expect(diffStates({ a: 1, b: [1, 2], c: { d: "x" } }, { a: 1, b: [1], c: { d: "y" }, e: true })).toEqual([
      { path: "b.1", before: 2, after: undefined },
      { path: "c.d", before: "x", after: "y" },
      { path: "e", before: undefined, after: true },
    ]);
    expect(diffStates([1], { 0: 1 })).toEqual([{ path: "", before: [1], after: { 0: 1 } }]);
  });
});
