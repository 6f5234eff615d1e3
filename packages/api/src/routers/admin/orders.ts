import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { CancelOrderSchema, OrderStatusSchema, streamIds } from "@chronicle/domain";
import { auditLog, formatCheckpoint, parseCheckpoint, type StoredEvent } from "@chronicle/event-store";
import { getOrder, listAdminOrders, listCustomers } from "@chronicle/projections";
import { askShipping } from "./services.ts";
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
  /**
   * The order's whole story across both services, joined by correlation id: the shop's events of that story (the
   * order's own and the processes' it caused) and the shipping service's events of the order's shipments, asked
   * of shipping's own API. Oldest first.
   */
  story: adminProcedure.input(CancelOrderSchema.shape.data).query(async ({ ctx, input }) => {
    const history = await ctx.store.readStream(streamIds.order(input.orderId));
    if (history.length === 0) throw new TRPCError({ code: "NOT_FOUND", message: `no order ${input.orderId}` });
    const correlationIds = new Set(history.map((event) => event.metadata.correlationId).filter((id): id is string => typeof id === "string"));
    const shopEvents = new Map<string, StoredEvent>(history.map((event) => [event.eventId, event]));
    for (const correlationId of correlationIds) {
      for (const event of (await auditLog(ctx.store, { correlationId }, null, 200)).events) shopEvents.set(event.eventId, event);
    }
    const text = (value: unknown) => (typeof value === "string" ? value : null);
    const shop = [...shopEvents.values()].map((event) => ({
      service: "shop" as const,
      eventId: event.eventId,
      streamId: event.streamId,
      type: event.type,
      data: event.data as Record<string, unknown>,
      recordedAt: event.recordedAt,
      correlationId: text(event.metadata.correlationId),
      causationId: text(event.metadata.causationId),
      actor: text(event.metadata.actor),
    }));
    const shipping = await askShipping(ctx, (client) => client.orderTimeline.query({ orderId: input.orderId }));
    const shipped = shipping.ok
      ? shipping.value.map((entry) => ({
          service: "shipping" as const,
          eventId: entry.eventId,
          streamId: `shipment-${entry.shipmentId}`,
          type: entry.type,
          data: entry.data as Record<string, unknown>,
          recordedAt: entry.recordedAt,
          correlationId: entry.correlationId,
          causationId: entry.causationId,
          actor: entry.actor,
        }))
      : [];
    const events = [...shop, ...shipped].sort((a, b) => a.recordedAt.localeCompare(b.recordedAt));
    return { orderId: input.orderId, correlationIds: [...correlationIds], events, shippingError: shipping.ok ? null : shipping.error };
  }),
});
