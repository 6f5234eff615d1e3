import { exportCustomerData, forgetCustomer } from "@chronicle/application";
import { formatCheckpoint, waitForProjections } from "@chronicle/event-store";
import { closeAccount, compactPersonalDataTables } from "../auth/close-account.ts";
import type { Context } from "./context.ts";
import { actorOf } from "./init.ts";

/** The projections that hold personal data: waited for before the tables are compacted. */
const PERSONAL_PROJECTIONS = ["overview_users"];

export interface ForgetReceipt {
  checkpoint: string | null;
  /** False when the customer had already been forgotten (nothing new was recorded). */
  forgotten: boolean;
  accountClosed: boolean;
  /** How the touched tables were compacted afterwards; see compactPersonalDataTables. */
  compacted: "full" | "vacuum" | "refused";
}

/**
 * One way to forget, for the shopper's "delete my account" and the admin's "forget customer": the event and the
 * key (application), the account (auth tables), then — once the read models have dropped the name — compaction.
 */
export async function forgetThroughApi(ctx: Context, userId: string, requestedBy: "customer" | "admin"): Promise<ForgetReceipt> {
  const result = await forgetCustomer(ctx.store, userId, requestedBy, {
    now: ctx.now(),
    correlationId: ctx.correlationId,
    actor: actorOf(ctx),
    commandId: `server:forget:${userId}`,
  });
  const accountClosed = await closeAccount(ctx.db, userId);
  ctx.closedAccounts.add(userId);
  const checkpoint = result.command.checkpoint;
  if (checkpoint) await waitForProjections(ctx.store, PERSONAL_PROJECTIONS, checkpoint, { timeoutMs: 10_000 });
  const compaction = await compactPersonalDataTables(ctx.db, ctx.store.database.driver);
  if (compaction.compacted === "refused") ctx.log.warn({ reason: compaction.reason, userId }, "forgotten, but the tables could not be compacted here");
  return {
    checkpoint: checkpoint ? formatCheckpoint(checkpoint) : null,
    forgotten: (!result.command.duplicate && result.command.appended.length > 0) || result.keyDestroyed,
    accountClosed,
    compacted: compaction.compacted,
  };
}

export function exportThroughApi(ctx: Context, userId: string) {
  return exportCustomerData(ctx.store, userId, ctx.now());
}
