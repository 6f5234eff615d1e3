import { z } from "zod";
import { compareVersions, streamAtVersion } from "@chronicle/application";
import { adminProcedure, router } from "../../trpc/init.ts";

const StreamId = z.string().min(3).max(200);
const Version = z.number().int().min(0);

export const timeTravelRouter = router({
  /**
   * Any stream at any version (0..its length; the latest when omitted), with what the event at that version changed.
   * Shop streams fold through their decider; other streams (projection-*, other services') through a generic fold.
   */
  stream: adminProcedure
    .input(z.object({ streamId: StreamId, version: Version.optional() }))
    .query(({ ctx, input }) => streamAtVersion(ctx.store, input.streamId, input.version)),
  /** Two chosen versions of a stream side by side, and every difference between them. */
  compare: adminProcedure
    .input(z.object({ streamId: StreamId, from: Version, to: Version }))
    .query(({ ctx, input }) => compareVersions(ctx.store, input.streamId, input.from, input.to)),
});
