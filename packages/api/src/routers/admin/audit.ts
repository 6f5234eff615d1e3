import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { EVENT_TYPES, currentSchemaVersion, isShopEventType, upcast } from "@chronicle/domain";
import { auditLog, eventById, eventsCausedBy, formatCheckpoint, parseCheckpoint, type StoredEvent } from "@chronicle/event-store";
import { adminProcedure, router } from "../../trpc/init.ts";
import { AfterSchema, awaitProjections, CheckpointSchema } from "../../trpc/read-your-writes.ts";
import { TimeFilterSchema } from "../../trpc/time-filter.ts";

const Filter = z.object({
  types: z.array(z.string().min(1).max(100)).max(50).optional(),
  streamId: z.string().min(1).max(200).optional(),
  actor: z.string().min(1).max(200).optional(),
  correlationId: z.string().min(1).max(200).optional(),
  from: TimeFilterSchema.optional(),
  to: TimeFilterSchema.optional(),
});

/** What an old event means today: the upcast chain's result, or the reason it cannot be read. */
function upcastView(event: StoredEvent) {
  if (!isShopEventType(event.type)) return { current: null, note: "not a shop event type (e.g. an operations event)" };
  const current = currentSchemaVersion(event.type);
  if (event.schemaVersion === current) return { current: null, note: `stored at the current schema version ${current}` };
  try {
    return { current: { schemaVersion: current, data: upcast(event).data }, note: `upcast from version ${event.schemaVersion} to ${current}` };
  } catch (error) {
    return { current: null, note: `cannot be upcast: ${(error as Error).message}` };
  }
}

export const auditRouter = router({
  eventTypes: adminProcedure.query(() => [...EVENT_TYPES, "ProjectionEventSkipped"]),
  /** Every event, newest first, filtered; keyset pages (`cursor` = the previous page's `next`). */
  list: adminProcedure
    .input(z.object({ filter: Filter.default({}), cursor: CheckpointSchema.optional(), limit: z.number().int().min(1).max(200).default(50), after: AfterSchema }))
    .query(async ({ ctx, input }) => {
      // Filtered pages read the audit_index projection: `after` waits until it has indexed that write.
      const { fresh } = await awaitProjections(ctx, ["audit_index"], input.after);
      const before = input.cursor ? parseCheckpoint(input.cursor) ?? null : null;
      const page = await auditLog(ctx.store, input.filter, before, input.limit);
      return { events: page.events, next: page.next ? formatCheckpoint(page.next) : null, fresh };
    }),
  /** One event: data, metadata, schema version, its upcast view, and the events around it by causation. */
  event: adminProcedure.input(z.object({ eventId: z.uuid() })).query(async ({ ctx, input }) => {
    const event = await eventById(ctx.store, input.eventId);
    if (!event) throw new TRPCError({ code: "NOT_FOUND", message: `no event ${input.eventId}` });
    const causationId = event.metadata.causationId;
    const [caused, cause] = await Promise.all([
      eventsCausedBy(ctx.store, event.eventId),
      typeof causationId === "string" ? eventById(ctx.store, causationId) : Promise.resolve(null),
    ]);
    return { event, upcast: upcastView(event), caused, cause };
  }),
});
