export { loadRecordedDecision, type RecordedDecision } from "./recorded-decision.ts";
export { replayDecision, type DecisionReplay, type ReplayDecisionOptions, type StreamComparison } from "./replay-decision.ts";
export { exportDecisionSpec, type SpecFile } from "./export-decision.ts";
export { exportSliceSpec } from "./export-slice.ts";
export { streamAtVersion, compareVersions, type StreamAtVersion, type StreamComparisonView } from "./stream-view.ts";
export { streamReducerFor, type GenericStreamState, type StreamReducer } from "./stream-reducer.ts";
export { replayOverview, type OverviewReplayStep } from "./overview-replay.ts";
