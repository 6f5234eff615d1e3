import { adminProcedure, router } from "../../trpc/init.ts";
import { replayOverviewAndCheck } from "../../explain/overview-check.ts";

export const overviewRouter = router({
  /**
   * The article's overview replayed from the log with live progress (server-sent events), then the projections'
   * view of it and whether the two agree. A subscription: the browser follows it over one SSE response.
   */
  replay: adminProcedure.subscription(async function* ({ ctx, signal }) {
    yield* replayOverviewAndCheck(ctx, signal);
  }),
});
