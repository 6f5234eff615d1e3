import { z } from "zod";
import { exportDecisionSpec, exportSliceSpec, loadRecordedDecision, replayDecision } from "@chronicle/application";
import { adminProcedure, router } from "../../trpc/init.ts";

const EventInput = z.object({ eventId: z.uuid() });
const StreamId = z.string().min(3).max(200);

export const explainRouter = router({
  /** The command behind an event, as recorded: the command itself, the versions it read, the streams it wrote. */
  command: adminProcedure.input(EventInput).query(async ({ ctx, input }) => {
    const recorded = await loadRecordedDecision(ctx.store, input.eventId);
    return {
      commandId: recorded.commandId,
      command: recorded.command,
      readVersions: recorded.readVersions,
      appended: recorded.appended.map((a) => ({ streamId: a.streamId, events: a.events.map((e) => ({ eventId: e.eventId, type: e.type, version: e.streamVersion })) })),
    };
  }),
  /** The recorded command through today's deciders, on the streams as it read them: then vs now. */
  replay: adminProcedure.input(EventInput).query(({ ctx, input }) => replayDecision(ctx.store, input.eventId)),
  /** The decision as a spec file for `@chronicle/domain/testing`'s `specification`. */
  exportDecision: adminProcedure.input(EventInput).query(({ ctx, input }) => exportDecisionSpec(ctx.store, input.eventId)),
  /** Versions from..to of a shop stream as a reducer spec file. */
  exportSlice: adminProcedure
    .input(z.object({ streamId: StreamId, from: z.number().int().min(1), to: z.number().int().min(1) }))
    .query(({ ctx, input }) => exportSliceSpec(ctx.store, input.streamId, input.from, input.to)),
});
