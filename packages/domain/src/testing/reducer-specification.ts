import { expect } from "vitest";
import type { Reducer } from "../deciders/decider.ts";
import { fold } from "../replay/fold.ts";
import { deepFreeze } from "./deep-freeze.ts";

/**
 * `given(events, { from }).then(state)`: what a stream's (or a read model's) reducer makes of a slice of events,
 * starting from `from` (the state before the slice; the initial state when left out). Events and the starting state
 * are deep-frozen first, so an evolve that mutates its input fails.
 */
export function reducerSpecification<S, E>(reducer: Reducer<S, E>) {
  return function given(events: readonly E[], options: { readonly from?: S } = {}) {
    return {
      then(expected: S): void {
        const from = options.from === undefined ? undefined : deepFreeze(options.from);
        expect(fold(reducer, deepFreeze(events), from)).toEqual(expected);
      },
    };
  };
}
