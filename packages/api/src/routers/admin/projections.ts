import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { streamIds } from "@chronicle/domain";
import { eventById, projectionStatuses, requestRebuild, retryProjection, skipFailedEvent } from "@chronicle/event-store";
import { getCart, getCatalogItem, getOrder, listCustomers } from "@chronicle/projections";
import { ROW_SOURCES, type RowSource } from "@chronicle/projections/row-sources";
import type { Context } from "../../trpc/context.ts";
import { adminProcedure, router } from "../../trpc/init.ts";

async function nameOf(ctx: Context, name: string): Promise<string> {
  if (!ctx.projections.some((p) => p.name === name)) throw new TRPCError({ code: "NOT_FOUND", message: `no projection ${name}` });
  return name;
}

/** A read-model row's provenance: the event that last changed it, and the stream whose events made it. */
async function provenanceOf(ctx: Context, projection: RowSource, key: string) {
  const db = ctx.db;
  const found = await {
    catalog: async () => ({ row: await getCatalogItem(db, key, { includeDelisted: true }), streamId: streamIds.product(key) }),
    carts: async () => ({ row: await getCart(db, key), streamId: streamIds.cart(key) }),
    orders: async () => ({ row: await getOrder(db, key), streamId: streamIds.order(key) }),
    overview_users: async () => ({ row: (await listCustomers(db, { userId: key }))[0], streamId: streamIds.user(key) }),
  }[projection]();
  if (!found.row?.provenance) throw new TRPCError({ code: "NOT_FOUND", message: `no ${projection} row ${key}` });
  const [lastEvent, events] = await Promise.all([eventById(ctx.store, found.row.provenance.eventId), ctx.store.readStream(found.streamId)]);
  return { row: found.row, lastEvent, streamId: found.streamId, events };
}

export const projectionsRouter = router({
  status: adminProcedure.query(({ ctx }) => projectionStatuses(ctx.store, ctx.projections)),
  /** Replays into fresh tables while the live ones serve, then swaps; progress shows in `status`. */
  rebuild: adminProcedure.input(z.object({ name: z.string() })).mutation(async ({ ctx, input }) => {
    await requestRebuild(ctx.store, await nameOf(ctx, input.name));
    return { requested: true };
  }),
  retry: adminProcedure.input(z.object({ name: z.string() })).mutation(async ({ ctx, input }) => {
    await retryProjection(ctx.store, await nameOf(ctx, input.name));
    return { retried: true };
  }),
  /** Passes over the event a halted projection cannot apply; the skip is recorded in the log with the admin's id. */
  skip: adminProcedure.input(z.object({ name: z.string() })).mutation(async ({ ctx, input }) => {
    await skipFailedEvent(ctx.store, await nameOf(ctx, input.name), `admin:${ctx.user.id}`);
    return { skipped: true };
  }),
  provenance: adminProcedure
    .input(z.object({ projection: z.enum(ROW_SOURCES), key: z.string().min(1).max(200) }))
    .query(({ ctx, input }) => provenanceOf(ctx, input.projection, input.key)),
});
