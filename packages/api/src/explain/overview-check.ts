import { isDeepStrictEqual } from "node:util";
import { replayOverview } from "@chronicle/application";
import type { Overview } from "@chronicle/domain";
import { compareCheckpoints, formatCheckpoint, waitForProjections } from "@chronicle/event-store";
import { overview } from "@chronicle/projections";
import type { ApiServices } from "../trpc/context.ts";

/** The projections the projected overview reads. */
const OVERVIEW_PROJECTIONS = ["overview_users", "carts", "orders"];
/** How long the check waits for them to reach the replay's point of the log. */
const WAIT_MS = 3000;

export type OverviewCheckStep =
  | { kind: "progress"; done: number; total: number }
  | {
      kind: "done";
      fromLog: Overview;
      fromProjections: Overview;
      /** Both views equal (same users in order, same carts, same orders). */
      agree: boolean;
      /** The projections had applied the log up to the replay's point when they were read. */
      fresh: boolean;
      /** Events were appended after the replay began: the projections may already show them, the replay does not. */
      movedOn: boolean;
      events: number;
      head: string;
    };

/**
 * The article's replay next to its projections: the overview folded from the log (with progress), then the same view
 * read from the read models once they have reached the point the replay stopped at, and whether the two agree.
 */
export async function* replayOverviewAndCheck(services: Pick<ApiServices, "store" | "db">, signal?: AbortSignal): AsyncGenerator<OverviewCheckStep> {
  for await (const step of replayOverview(services.store)) {
    if (signal?.aborted) return;
    if (step.kind === "progress") {
      yield step;
      continue;
    }
    const fresh = await waitForProjections(services.store, OVERVIEW_PROJECTIONS, step.head, { timeoutMs: WAIT_MS });
    const fromProjections = await overview(services.db);
    const movedOn = compareCheckpoints(await services.store.headCheckpoint(), step.head) > 0;
    yield {
      kind: "done",
      fromLog: step.overview,
      fromProjections,
      agree: isDeepStrictEqual(step.overview, fromProjections),
      fresh,
      movedOn,
      events: step.events,
      head: formatCheckpoint(step.head),
    };
  }
}
