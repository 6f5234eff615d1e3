import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { relayStatus } from "@chronicle/messaging";
import { adminProcedure, router } from "../../trpc/init.ts";
import type { Context } from "../../trpc/context.ts";

/** The integration side of this process, or a clear error when it has none (a web process without messaging). */
function integrationOf(ctx: Context) {
  if (!ctx.integration) throw new TRPCError({ code: "PRECONDITION_FAILED", message: "this process has no integration transport" });
  return ctx.integration;
}

/** What the other service says, or why it could not be asked: one service down must not take this page down. */
export async function askShipping<T>(ctx: Context, call: (client: NonNullable<Context["shipping"]>) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  if (!ctx.shipping) return { ok: false, error: "the shipping service is not configured (SHIPPING_URL)" };
  try {
    return { ok: true, value: await call(ctx.shipping) };
  } catch (error) {
    ctx.log.warn({ err: error }, "shipping service call failed");
    return { ok: false, error: `the shipping service did not answer: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export const servicesRouter = router({
  /** Both relays (position, backlog, leader), every stream and consumer of the transport, and the dead letters. */
  status: adminProcedure.query(async ({ ctx }) => {
    const { transport, store } = integrationOf(ctx);
    const [shopRelay, stats, deadLetters, shippingRelay] = await Promise.all([
      relayStatus(store, "shop"),
      transport.stats(),
      transport.deadLetters({ limit: 100 }),
      askShipping(ctx, (shipping) => shipping.relay.query()),
    ]);
    return { transport: transport.kind, relays: { shop: shopRelay, shipping: shippingRelay }, streams: stats.streams, consumers: stats.consumers, deadLetters };
  }),
  /** Publishes a dead letter again to its subject (its receivers are idempotent) and removes it. */
  retryDeadLetter: adminProcedure.input(z.object({ id: z.string().min(1).max(200) })).mutation(async ({ ctx, input }) => {
    const { transport } = integrationOf(ctx);
    const known = (await transport.deadLetters({ limit: 10_000 })).some((letter) => letter.id === input.id);
    if (!known) throw new TRPCError({ code: "NOT_FOUND", message: `no dead letter ${input.id}` });
    await transport.retryDeadLetter(input.id);
    return { retried: true };
  }),
});
