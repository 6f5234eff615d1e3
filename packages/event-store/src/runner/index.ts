export type { Projection, ProjectionTarget } from "./types.ts";
export { startProjectionRunner, type ProjectionRunner, type ProjectionRunnerOptions } from "./runner.ts";
export { LostLeadership, type RetryPolicy } from "./apply-batch.ts";
export { waitForProjections } from "./wait.ts";
export { rebuildProjection, type RebuildProgress } from "./rebuild.ts";
export {
  projectionStatuses,
  retryProjection,
  skipFailedEvent,
  requestRebuild,
  ProjectionAdminError,
  type ProjectionState,
  type ProjectionStatus,
} from "./admin.ts";
export { readHold, type ReadBlocker, type ReadHold } from "./read-hold.ts";
// The building blocks of leadership and checkpoints, for other log followers (the messaging relay) that keep the
// same rules: a compare-and-set checkpoint, one leader per name by advisory lock, takeover when it dies.
export { tryLead, resign, backendId } from "./leadership.ts";
export { ensureCheckpoint, loadCheckpoint, advanceCheckpoint, heartbeat, markFailed, type CheckpointRow } from "./checkpoints.ts";
