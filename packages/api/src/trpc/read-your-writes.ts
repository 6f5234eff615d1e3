import { z } from "zod";
import { parseCheckpoint, waitForProjections } from "@chronicle/event-store";
import type { Context } from "./context.ts";

/** Optional on queries that read projections: a checkpoint a mutation returned ("txId:position"). */
export const CheckpointSchema = z.string().regex(/^\d{1,16}\/\d{1,16}$/, "a checkpoint like 123/45 (what a mutation or page returned)");
export const AfterSchema = CheckpointSchema.optional();

/** How long a query waits for its projections to pass the caller's own write before answering anyway. */
export const READ_YOUR_WRITES_TIMEOUT_MS = 3000;

/**
 * Waits (bounded) until the projections a query reads have applied the caller's write. `fresh: false` tells the
 * UI that the answer does not include it yet (it then polls), instead of the UI guessing with a sleep.
 */
export async function awaitProjections(ctx: Context, names: readonly string[], after: string | undefined): Promise<{ fresh: boolean }> {
  if (!after) return { fresh: true };
  const target = parseCheckpoint(after);
  if (!target) return { fresh: true };
  const fresh = await waitForProjections(ctx.store, names, target, { timeoutMs: READ_YOUR_WRITES_TIMEOUT_MS });
  return { fresh };
}
