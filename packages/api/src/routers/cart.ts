import { z } from "zod";
import { AddProductToCartSchema, ChangeCartItemQuantitySchema, RemoveProductFromCartSchema } from "@chronicle/domain";
import { getCart } from "@chronicle/projections";
import { CommandIdSchema } from "../trpc/command-input.ts";
import { customerProcedure, router, runCommand } from "../trpc/init.ts";
import { AfterSchema, awaitProjections } from "../trpc/read-your-writes.ts";

// The domain's command schemas, less the user id: that is always the signed-in user's, never the client's.
const AddInput = AddProductToCartSchema.shape.data.omit({ userId: true }).extend({ commandId: CommandIdSchema });
const ChangeInput = ChangeCartItemQuantitySchema.shape.data.omit({ userId: true }).extend({ commandId: CommandIdSchema });
const RemoveInput = RemoveProductFromCartSchema.shape.data.omit({ userId: true }).extend({ commandId: CommandIdSchema });

export const cartRouter = router({
  /** The signed-in customer's cart; `after` waits for the carts projection to include that write. */
  get: customerProcedure.input(z.object({ after: AfterSchema }).optional()).query(async ({ ctx, input }) => {
    const { fresh } = await awaitProjections(ctx, ["carts"], input?.after);
    return { ...(await getCart(ctx.db, ctx.user.id)), fresh };
  }),
  add: customerProcedure.input(AddInput).mutation(({ ctx, input: { commandId, ...data } }) =>
    runCommand(ctx, { type: "AddProductToCart", data: { ...data, userId: ctx.user.id } }, { client: commandId })),
  changeQuantity: customerProcedure.input(ChangeInput).mutation(({ ctx, input: { commandId, ...data } }) =>
    runCommand(ctx, { type: "ChangeCartItemQuantity", data: { ...data, userId: ctx.user.id } }, { client: commandId })),
  remove: customerProcedure.input(RemoveInput).mutation(({ ctx, input: { commandId, ...data } }) =>
    runCommand(ctx, { type: "RemoveProductFromCart", data: { ...data, userId: ctx.user.id } }, { client: commandId })),
});
