/**
 * Renders regression tests from recorded history, as source files for `specification`, `shopSpecification` and
 * `reducerSpecification`. Pure string work without vitest, so a server or the CLI can import it.
 */
export {
  renderDecisionSpec,
  renderRoutedSpec,
  SPEC_DECIDERS,
  type DecisionSpecSource,
  type ProductHistories,
  type RoutedSpecSource,
  type SpecContext,
  type SpecDeciderName,
} from "./render-decision-spec.ts";
export { renderReducerSpec, type ReducerSpecSource } from "./render-reducer-spec.ts";
export { specFileName, type SpecHeader } from "./spec-file.ts";
export { sourceOf } from "./source-literal.ts";
