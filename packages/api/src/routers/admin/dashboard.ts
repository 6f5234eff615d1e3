import { z } from "zod";
import { eventsPerMinute, projectionStatuses } from "@chronicle/event-store";
import { salesPerDay } from "@chronicle/projections";
import { adminProcedure, router } from "../../trpc/init.ts";

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export const dashboardRouter = router({
  /** Orders and revenue per day, events per minute (last hour) and every projection's health, in one round trip. */
  summary: adminProcedure.input(z.object({ days: z.number().int().min(1).max(3650).default(1000) }).optional()).query(async ({ ctx, input }) => {
    const now = Date.parse(ctx.now());
    const [sales, perMinute, projections] = await Promise.all([
      salesPerDay(ctx.db, { from: isoDay(now - (input?.days ?? 1000) * 86_400_000), to: isoDay(now + 86_400_000) }),
      eventsPerMinute(ctx.store, 60),
      projectionStatuses(ctx.store, ctx.projections),
    ]);
    return { sales, eventsPerMinute: perMinute, projections };
  }),
});
