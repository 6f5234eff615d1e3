import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { CancelOrderSchema, PlaceOrderSchema } from "@chronicle/domain";
import { getOrder, listOrdersOfCustomer } from "@chronicle/projections";
import type { Context, SessionUser } from "../trpc/context.ts";
import { customerProcedure, router, runCommand } from "../trpc/init.ts";
import { AfterSchema, awaitProjections } from "../trpc/read-your-writes.ts";

// The order id is made by the browser when the checkout page opens: a retried click places the same order.
const CheckoutInput = PlaceOrderSchema.shape.data.omit({ userId: true });
const OrderInput = CancelOrderSchema.shape.data;

/** Someone else's order is NOT_FOUND, exactly like an order that does not exist: ids reveal nothing. */
async function ownOrder(ctx: Context & { user: SessionUser }, orderId: string) {
  const order = await getOrder(ctx.db, orderId);
  if (!order || order.userId !== ctx.user.id) throw new TRPCError({ code: "NOT_FOUND", message: `no order ${orderId}` });
  return order;
}

export const ordersRouter = router({
  checkout: customerProcedure.input(CheckoutInput).mutation(async ({ ctx, input }) => ({
    orderId: input.orderId,
    ...(await runCommand(ctx, { type: "PlaceOrder", data: { userId: ctx.user.id, orderId: input.orderId } }, `checkout-${ctx.user.id}-${input.orderId}`)),
  })),
  mine: customerProcedure.input(z.object({ after: AfterSchema }).optional()).query(async ({ ctx, input }) => {
    const { fresh } = await awaitProjections(ctx, ["orders"], input?.after);
    return { orders: await listOrdersOfCustomer(ctx.db, ctx.user.id), fresh };
  }),
  get: customerProcedure.input(OrderInput.extend({ after: AfterSchema })).query(async ({ ctx, input }) => {
    const { fresh } = await awaitProjections(ctx, ["orders"], input.after);
    return { order: await ownOrder(ctx, input.orderId), fresh };
  }),
  cancel: customerProcedure.input(OrderInput).mutation(async ({ ctx, input }) => {
    await ownOrder(ctx, input.orderId);
    return runCommand(ctx, { type: "CancelOrder", data: { orderId: input.orderId } }, `cancel-${input.orderId}`);
  }),
});
