import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { IdSchema } from "@chronicle/domain";
import { listCustomers } from "@chronicle/projections";
import { exportThroughApi, forgetThroughApi } from "../../trpc/forget.ts";
import { adminProcedure, router } from "../../trpc/init.ts";
import { AfterSchema, awaitProjections } from "../../trpc/read-your-writes.ts";

const CustomerInput = z.object({ userId: IdSchema });

export const customersRouter = router({
  list: adminProcedure.input(z.object({ after: AfterSchema }).optional()).query(async ({ ctx, input }) => {
    await awaitProjections(ctx, ["overview_users"], input?.after);
    return listCustomers(ctx.db);
  }),
  get: adminProcedure.input(CustomerInput.extend({ after: AfterSchema })).query(async ({ ctx, input }) => {
    const { fresh } = await awaitProjections(ctx, ["overview_users"], input.after);
    const [customer] = await listCustomers(ctx.db, { userId: input.userId, limit: 1 });
    if (!customer) throw new TRPCError({ code: "NOT_FOUND", message: `no customer ${input.userId}` });
    return { customer, fresh };
  }),
  /** The right to be forgotten, on an admin's decision: the customer's personal data is shredded, the account closed. */
  forget: adminProcedure.input(CustomerInput).mutation(({ ctx, input }) => forgetThroughApi(ctx, input.userId, "admin")),
  /** The right of access: everything the log holds about the customer, decrypted, as JSON. */
  export: adminProcedure.input(CustomerInput).query(({ ctx, input }) => exportThroughApi(ctx, input.userId)),
});
