import { z } from "zod";
import { forgetThroughApi } from "../trpc/forget.ts";
import { customerProcedure, router } from "../trpc/init.ts";

export const accountRouter = router({
  /**
   * "Delete my account": the shopper's own right to be forgotten. `confirm` must be true — the form asks first —
   * so no stray call can do it. Their orders stay (the shop's books add up) with the name and emails erased.
   */
  deleteMine: customerProcedure
    .input(z.object({ confirm: z.literal(true, "confirm that the account and its personal data are to be deleted") }))
    .mutation(({ ctx }) => forgetThroughApi(ctx, ctx.user.id, "customer")),
});
