import { z } from "zod";
import { readHold } from "@chronicle/event-store";
import { listParkedCommands, retryParkedCommand } from "@chronicle/fulfillment";
import { adminProcedure, router } from "../../trpc/init.ts";

export const opsRouter = router({
  /** Committed events readers cannot read yet, and the running transactions they wait for. */
  readHold: adminProcedure.query(({ ctx }) => readHold(ctx.store)),
  /** Fulfillment commands the sender gave up on: dead letters (refused) and parked ones (out of attempts). */
  parked: adminProcedure.query(({ ctx }) => listParkedCommands(ctx.db)),
  retryParked: adminProcedure.input(z.object({ commandId: z.string().min(1).max(200) })).mutation(async ({ ctx, input }) => {
    await retryParkedCommand(ctx.db, input.commandId);
    return { retried: true };
  }),
});
