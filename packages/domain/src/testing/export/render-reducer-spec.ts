import type { ShopEvent } from "../../events/shop-event.ts";
import type { SpecDeciderName } from "./render-decision-spec.ts";
import { callSourceOf } from "./source-literal.ts";
import { specFile, type SpecHeader } from "./spec-file.ts";

/** A slice of a stream (versions a..b) as a reducer test: from the state before it, its events, the state after. */
export interface ReducerSpecSource extends SpecHeader {
  /** The stream type's decider, whose evolve folds the stream. */
  readonly reducer: SpecDeciderName;
  /** The state at version a - 1; left out when the slice starts at version 1 (the initial state). */
  readonly from?: unknown;
  readonly given: readonly ShopEvent[];
  readonly then: unknown;
}

export function renderReducerSpec(spec: ReducerSpecSource): string {
  const args = spec.from === undefined ? [spec.given] : [spec.given, { from: spec.from }];
  const call = [`    ${callSourceOf("given", args, 4)}`, `      ${callSourceOf(".then", [spec.then], 6)};`].join("\n");
  return specFile(spec, { domain: [spec.reducer], testing: ["reducerSpecification"] }, `const given = reducerSpecification(${spec.reducer});`, call);
}
