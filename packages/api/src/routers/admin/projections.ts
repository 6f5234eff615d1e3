import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { streamIds } from "@chronicle/domain";
import { eventById, projectionStatuses, requestRebuild, retryProjection, skipFailedEvent } from "@chronicle/event-store";
import { getCart, getCatalogItem, getOrder, listCustomers } from "@chronicle/projections";
import { ROW_SOURCE_STREAMS, ROW_SOURCES, type RowSource } from "@chronicle/projections/row-sources";
import type { Context } from "../../trpc/context.ts";
import { adminProcedure, router } from "../../trpc/init.ts";

async function nameOf(ctx: Context, name: string): Promise<string> {
  if (!ctx.projections.some((p) => p.name === name)) throw new TRPCError({ code: "NOT_FOUND", message: `no projection ${name}` });
  return name;
}

/** A read-model row's provenance: the event that last changed it, and the stream whose events made it. */
async function provenanceOf(ctx: Context, projection: RowSource, key: string) {
  const db = ctx.db;
  const row = await {
    catalog: () => getCatalogItem(db, key, { includeDelisted: true }),
    carts: () => getCart(db, key),
    orders: () => getOrder(db, key),
    overview_users: async () => (await listCustomers(db, { userId: key }))[0],
  }[projection]();
  if (!row?.provenance) throw new TRPCError({ code: "NOT_FOUND", message: `no ${projection} row ${key}` });
  const streamId = streamIds[ROW_SOURCE_STREAMS[projection]](key);
  const [lastEvent, events] = await Promise.all([eventById(ctx.store, row.provenance.eventId), ctx.store.readStream(streamId)]);
  return { row, lastEvent, streamId, events };
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
