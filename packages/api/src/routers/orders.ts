import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { CancelOrderSchema, PlaceOrderSchema } from "@chronicle/domain";
import { uuidV5 } from "@chronicle/event-store";
import { getOrder, listOrdersOfCustomer } from "@chronicle/projections";
import type { Context, SessionUser } from "../trpc/context.ts";
import { customerProcedure, router, runCommand } from "../trpc/init.ts";
import { AfterSchema, awaitProjections } from "../trpc/read-your-writes.ts";

// The browser makes an id when the cart page opens, so a retried click places the same order. The order's own id is
// derived from it and the shopper's id: one shopper's ids can never name another's order (nor tell that one exists).
const CheckoutInput = PlaceOrderSchema.shape.data.omit({ userId: true });
const ORDER_ID_NAMESPACE = "9c1e6f3a-52d4-4b8e-a7f0-3d2b61c84e95";

/** The order a shopper's checkout id stands for: the same for a retry, different for every other shopper. */
export function orderIdOf(userId: string, checkoutId: string): string {
  return uuidV5(ORDER_ID_NAMESPACE, `${userId}\u0000${checkoutId}`);
}
const OrderInput = CancelOrderSchema.shape.data;

/** Someone else's order is NOT_FOUND, exactly like an order that does not exist: ids reveal nothing. */
async function ownOrder(ctx: Context & { user: SessionUser }, orderId: string) {
  const order = await getOrder(ctx.db, orderId);
  if (!order || order.userId !== ctx.user.id) throw new TRPCError({ code: "NOT_FOUND", message: `no order ${orderId}` });
  return order;
}

/**
 * The same answer from the log, which a cancel must not wait for the orders projection to learn: an order placed a
 * moment ago is the caller's if its OrderPlaced (the stream's first event) names the caller.
 */
async function ownOrderInLog(ctx: Context & { user: SessionUser }, orderId: string) {
  const [placed] = await ctx.store.readStream(`order-${orderId}`, { limit: 1 });
  if (placed?.type !== "OrderPlaced" || (placed.data as { userId?: unknown }).userId !== ctx.user.id) {
    throw new TRPCError({ code: "NOT_FOUND", message: `no order ${orderId}` });
  }
}

export const ordersRouter = router({
  checkout: customerProcedure.input(CheckoutInput).mutation(async ({ ctx, input }) => {
    const orderId = orderIdOf(ctx.user.id, input.orderId);
    return { orderId, ...(await runCommand(ctx, { type: "PlaceOrder", data: { userId: ctx.user.id, orderId } }, { server: `checkout:${orderId}` })) };
  }),
  mine: customerProcedure.input(z.object({ after: AfterSchema }).optional()).query(async ({ ctx, input }) => {
    const { fresh } = await awaitProjections(ctx, ["orders"], input?.after);
    return { orders: await listOrdersOfCustomer(ctx.db, ctx.user.id), fresh };
  }),
  get: customerProcedure.input(OrderInput.extend({ after: AfterSchema })).query(async ({ ctx, input }) => {
    const { fresh } = await awaitProjections(ctx, ["orders"], input.after);
    return { order: await ownOrder(ctx, input.orderId), fresh };
  }),
  cancel: customerProcedure.input(OrderInput).mutation(async ({ ctx, input }) => {
    await ownOrderInLog(ctx, input.orderId);
    return runCommand(ctx, { type: "CancelOrder", data: { orderId: input.orderId } }, { server: `cancel:${input.orderId}` });
  }),
});
