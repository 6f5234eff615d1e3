import type { RouterOutputs } from "@chronicle/api";

export type ProjectionStatus = RouterOutputs["admin"]["projections"]["status"][number];
export type RebuildPhase = "none" | "waiting" | "running" | "done";

/**
 * Where a rebuild stands, from the status and when this page asked for it. A small rebuild can start and finish
 * between two polls, so "done" is: asked, and a status read after the request shows neither a request nor a rebuild.
 */
export function rebuildPhase(status: ProjectionStatus, requestedAt: number | undefined, readAt: number): RebuildPhase {
  if (status.rebuild) return "running";
  if (status.rebuildRequestedAt) return "waiting";
  if (requestedAt === undefined) return "none";
  return readAt > requestedAt ? "done" : "waiting";
}
