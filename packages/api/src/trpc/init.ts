import { initTRPC, TRPCError } from "@trpc/server";
import { executeShopCommand } from "@chronicle/application";
import { formatCheckpoint } from "@chronicle/event-store";
import type { Context, SessionUser } from "./context.ts";
import { fieldErrorsOf, readableIssues, toTRPCError } from "./errors.ts";

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const readable = error.code === "BAD_REQUEST" ? readableIssues(error.cause) : null;
    return { ...shape, message: readable ?? shape.message, data: { ...shape.data, stack: undefined, fieldErrors: fieldErrorsOf(error.cause) } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure maps what it throws once, here; unexpected errors are logged with the correlation id. */
const mapErrors = t.middleware(async ({ ctx, next, path }) => {
  const result = await next();
  // tRPC wraps anything that is not a TRPCError as INTERNAL_SERVER_ERROR, keeping the original as the cause;
  // errors that already carry a code (input validation, authorization) pass as they are.
  if (result.ok || result.error.code !== "INTERNAL_SERVER_ERROR") return result;
  const mapped = toTRPCError(result.error.cause ?? result.error);
  if (mapped.code === "INTERNAL_SERVER_ERROR") {
    ctx.log.error({ path, correlationId: ctx.correlationId, err: result.error.cause ?? result.error }, "procedure failed");
  }
  throw mapped;
});

export const publicProcedure = t.procedure.use(mapErrors);

/** Signed in, any role. */
export const signedInProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  return next({ ctx: { ...ctx, user: ctx.user as SessionUser } });
});

/** Shoppers: their own cart and orders. Admins run the shop through the admin procedures instead. */
export const customerProcedure = signedInProcedure.use(({ ctx, next }) => {
  if (ctx.user.role !== "customer") throw new TRPCError({ code: "FORBIDDEN", message: "for customer accounts" });
  return next();
});

/**
 * Admins, checked against the database on every call: the session cookie cache may be up to its age behind a
 * signed-out session or a role taken away, which is fine for a shopper's cart but not for running the shop.
 */
export const adminProcedure = signedInProcedure.use(async ({ ctx, next }) => {
  if (ctx.user.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "admins only" });
  const checked = await ctx.checkedUser();
  if (!checked) throw new TRPCError({ code: "UNAUTHORIZED", message: "sign in first" });
  if (checked.role !== "admin") throw new TRPCError({ code: "FORBIDDEN", message: "admins only" });
  return next({ ctx: { ...ctx, user: checked } });
});

/** What every mutation returns: where its events sit in the log, so a query can wait for a projection to pass it. */
export interface CommandReceipt {
  checkpoint: string | null;
  duplicate: boolean;
}

/**
 * Whose command id it is. A client's id is scoped to its sender and its command type, so one customer can never
 * answer for another's id, and client input can never reach an id the server makes (`server:…`) or another process
 * makes (`fulfillment:…`, the demo seed's): client ids take no ':' (CommandIdSchema), and every scoped id has three.
 */
export type CommandIdSource = { client: string | undefined } | { server: string };

/** Runs one domain command with the request's metadata (clock, correlation id, actor). */
export async function runCommand(ctx: Context, command: { type: string; data: unknown }, id?: CommandIdSource): Promise<CommandReceipt> {
  const actor = actorOf(ctx);
  const commandId = id && ("server" in id ? `server:${id.server}` : id.client && `client:${actor}:${command.type}:${id.client}`);
  const result = await executeShopCommand(ctx.store, command, {
    now: ctx.now(),
    correlationId: ctx.correlationId,
    actor,
    ...(commandId && { commandId }),
  });
  return { checkpoint: result.checkpoint ? formatCheckpoint(result.checkpoint) : null, duplicate: result.duplicate };
}

/** `user:<id>` for a customer, `admin:<id>` for an admin: who an event's metadata says acted. */
export function actorOf(ctx: Context): string {
  return ctx.user ? `${ctx.user.role === "admin" ? "admin" : "user"}:${ctx.user.id}` : "anonymous";
}
