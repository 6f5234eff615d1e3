import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { CancelOrderSchema, OrderStatusSchema, streamIds } from "@chronicle/domain";
import { formatCheckpoint, parseCheckpoint } from "@chronicle/event-store";
import { getOrder, listAdminOrders, listCustomers } from "@chronicle/projections";
import { adminProcedure, router } from "../../trpc/init.ts";
import { CheckpointSchema } from "../../trpc/read-your-writes.ts";

export const adminOrdersRouter = router({
  /** Newest first, keyset-paginated: `cursor` is the `next` of the previous page. */
  list: adminProcedure
    .input(z.object({ status: OrderStatusSchema.optional(), cursor: CheckpointSchema.optional(), limit: z.number().int().min(1).max(100).default(25) }))
    .query(async ({ ctx, input }) => {
      const before = input.cursor ? parseCheckpoint(input.cursor) : undefined;
      const page = await listAdminOrders(ctx.db, { status: input.status, limit: input.limit, ...(before && { before }) });
      return { orders: page.orders, next: page.next ? formatCheckpoint(page.next) : null };
    }),
  /** One order and its history: every event of its stream, from the log. */
  get: adminProcedure.input(CancelOrderSchema.shape.data).query(async ({ ctx, input }) => {
    const order = await getOrder(ctx.db, input.orderId);
    if (!order) throw new TRPCError({ code: "NOT_FOUND", message: `no order ${input.orderId}` });
    const [history, [customer]] = await Promise.all([
      ctx.store.readStream(streamIds.order(input.orderId)),
      listCustomers(ctx.db, { userId: order.userId, limit: 1 }),
    ]);
    // The customer's name as the read model has it: "erased" once they were forgotten; the order itself stays.
    return { order, history, customer: customer ? { userId: customer.userId, name: customer.name } : null };
  }),
});
