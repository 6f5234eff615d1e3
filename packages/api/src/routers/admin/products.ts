import { ChangePriceSchema, DelistProductSchema, ListProductSchema, ReceiveStockSchema } from "@chronicle/domain";
import { listCatalog } from "@chronicle/projections";
import { z } from "zod";
import { CommandIdSchema } from "../../trpc/command-input.ts";
import { adminProcedure, router, runCommand } from "../../trpc/init.ts";
import { AfterSchema, awaitProjections } from "../../trpc/read-your-writes.ts";

// Inputs are the domain's own command schemas: the form, the router and the decider agree on every rule.
export const productsRouter = router({
  list: adminProcedure.input(z.object({ after: AfterSchema }).optional()).query(async ({ ctx, input }) => {
    const { fresh } = await awaitProjections(ctx, ["catalog"], input?.after);
    return { products: await listCatalog(ctx.db, { includeDelisted: true }), fresh };
  }),
  create: adminProcedure.input(ListProductSchema.shape.data.extend({ commandId: CommandIdSchema })).mutation(({ ctx, input: { commandId, ...data } }) =>
    runCommand(ctx, { type: "ListProduct", data }, { client: commandId })),
  changePrice: adminProcedure.input(ChangePriceSchema.shape.data.extend({ commandId: CommandIdSchema })).mutation(({ ctx, input: { commandId, ...data } }) =>
    runCommand(ctx, { type: "ChangePrice", data }, { client: commandId })),
  receiveStock: adminProcedure.input(ReceiveStockSchema.shape.data.extend({ commandId: CommandIdSchema })).mutation(({ ctx, input: { commandId, ...data } }) =>
    runCommand(ctx, { type: "ReceiveStock", data }, { client: commandId })),
  delist: adminProcedure.input(DelistProductSchema.shape.data.extend({ commandId: CommandIdSchema })).mutation(({ ctx, input: { commandId, ...data } }) =>
    runCommand(ctx, { type: "DelistProduct", data }, { client: commandId })),
});
