import { initTRPC, TRPCError } from "@trpc/server";
import { z } from "zod";
import { IdSchema, isDomainError } from "@chronicle/domain";
import { isEventStoreError, type DrizzleDatabase, type EventStore } from "@chronicle/event-store";
import { relayStatus } from "@chronicle/messaging";
import { ShipmentStatusSchema } from "../domain/index.ts";
import { listShipments, shipmentById, shipmentsOfOrder, shipmentsOfOrders } from "../read-model/queries.ts";
import { shipmentTimeline } from "./timeline.ts";

/** What shipping's procedures run on: its own store and database, never the shop's. */
export interface ShippingApiContext {
  store: EventStore;
  db: DrizzleDatabase;
}

const t = initTRPC.context<ShippingApiContext>().create({
  errorFormatter: ({ shape }) => ({ ...shape, data: { ...shape.data, stack: undefined } }),
});

/** Typed errors cross the wire as tRPC codes; anything else stays an opaque internal error. */
const mapErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (result.ok || result.error.code !== "INTERNAL_SERVER_ERROR") return result;
  const cause = result.error.cause;
  if (isDomainError(cause, "NOT_FOUND")) throw new TRPCError({ code: "NOT_FOUND", message: cause.message });
  if (isDomainError(cause, "VALIDATION") || (isEventStoreError(cause) && cause.code === "VALIDATION")) throw new TRPCError({ code: "BAD_REQUEST", message: cause.message });
  return result;
});

const procedure = t.procedure.use(mapErrors);

const BeforeSchema = z.object({ updatedAt: z.iso.datetime(), shipmentId: IdSchema });

/**
 * Shipping's own API (served over HTTP by apps/shipping, called by the web app with `@trpc/client`). It is a
 * service-to-service API: the web app decides who may see which order before it asks.
 */
export const shippingRouter = t.router({
  byOrder: procedure.input(z.object({ orderId: IdSchema })).query(({ ctx, input }) => shipmentsOfOrder(ctx.db, input.orderId)),
  byOrders: procedure
    .input(z.object({ orderIds: z.array(IdSchema).max(200) }))
    .query(({ ctx, input }) => shipmentsOfOrders(ctx.db, input.orderIds)),
  shipment: procedure.input(z.object({ shipmentId: IdSchema })).query(async ({ ctx, input }) => {
    const shipment = await shipmentById(ctx.db, input.shipmentId);
    if (!shipment) throw new TRPCError({ code: "NOT_FOUND", message: `Shipment ${input.shipmentId} does not exist` });
    return shipment;
  }),
  timeline: procedure.input(z.object({ shipmentId: IdSchema })).query(({ ctx, input }) => shipmentTimeline(ctx.store, input.shipmentId)),
  /** Every shipping event of an order's shipments, oldest first: its part of the order's story. */
  orderTimeline: procedure.input(z.object({ orderId: IdSchema })).query(async ({ ctx, input }) => {
    const shipments = await shipmentsOfOrder(ctx.db, input.orderId);
    const timelines = await Promise.all(shipments.map((shipment) => shipmentTimeline(ctx.store, shipment.shipmentId)));
    return timelines.flat().sort((a, b) => a.recordedAt.localeCompare(b.recordedAt) || a.version - b.version);
  }),
  /** Shipping's outbox relay (its checkpoint, backlog and leader), read from shipping's own database. */
  relay: procedure.query(({ ctx }) => relayStatus(ctx.store, "shipping")),
  list: procedure
    .input(z.object({ status: ShipmentStatusSchema.optional(), limit: z.int().min(1).max(100).default(50), before: BeforeSchema.optional() }))
    .query(({ ctx, input }) => listShipments(ctx.db, input)),
});

export type ShippingRouter = typeof shippingRouter;
export const createShippingCaller = t.createCallerFactory(shippingRouter);
