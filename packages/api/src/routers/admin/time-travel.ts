import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { parseStreamId, shopStreamReducers, stateAtVersion, upcast, type Reducer, type ShopEvent } from "@chronicle/domain";
import { adminProcedure, router } from "../../trpc/init.ts";

export const timeTravelRouter = router({
  /** A stream at any version (0..its length; the latest when omitted), with what the event at that version changed. */
  stream: adminProcedure
    .input(z.object({ streamId: z.string().min(3).max(200), version: z.number().int().min(0).optional() }))
    .query(async ({ ctx, input }) => {
      const { streamType } = parseStreamId(input.streamId);
      const stored = await ctx.store.readStream(input.streamId);
      if (stored.length === 0) throw new TRPCError({ code: "NOT_FOUND", message: `stream ${input.streamId} has no events` });
      const version = Math.min(input.version ?? stored.length, stored.length);
      // The stream type's own reducer: time travel shows exactly the state the command handler decides on.
      const reducer: Reducer<unknown, ShopEvent> = shopStreamReducers[streamType];
      const view = stateAtVersion(reducer, stored.map((e) => upcast(e)), version);
      return {
        streamId: input.streamId,
        streamType,
        length: stored.length,
        version,
        state: view.state,
        changes: view.changes,
        event: version > 0 ? stored[version - 1]! : null,
        events: stored.map((e) => ({ eventId: e.eventId, version: e.streamVersion, type: e.type, recordedAt: e.recordedAt })),
      };
    }),
});
