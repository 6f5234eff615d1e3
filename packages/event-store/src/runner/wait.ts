import { compareCheckpoints } from "../checkpoint.ts";
import type { EventStore } from "../store.ts";
import type { Checkpoint } from "../types.ts";
import { loadCheckpoints } from "./checkpoints.ts";

/**
 * Read-your-writes for async projections: resolves true once every named projection's checkpoint has reached
 * `target` (the checkpoint a command returned), false when `timeoutMs` passes first or one of them is halted.
 * A bounded wait: the caller shows the data it has, marked as not yet including the write.
 */
export async function waitForProjections(
  store: EventStore,
  names: readonly string[],
  target: Checkpoint,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<boolean> {
  const { timeoutMs = 3000, intervalMs = 25 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await loadCheckpoints(store.database.db, names);
    if (rows.length === names.length && rows.every((r) => compareCheckpoints(r.checkpoint, target) >= 0)) return true;
    if (rows.some((r) => r.status === "failed") || Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
