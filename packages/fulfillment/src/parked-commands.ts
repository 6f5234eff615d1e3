import { sql } from "drizzle-orm";
import { DomainError } from "@chronicle/domain";
import { query, type Executor } from "@chronicle/event-store";

/** A command of the fulfillment outbox the sender gave up on. */
export interface ParkedCommand {
  commandId: string;
  command: { type: string; data: Record<string, unknown> };
  attempts: number;
  lastError: string | null;
  /** "refused": the domain said no (a dead letter); "attempts": it kept failing. */
  reason: "refused" | "attempts";
  parkedAt: string;
  createdAt: string;
}

/** Parked outbox commands and dead letters, the most recently parked first. */
export async function listParkedCommands(executor: Executor, limit = 100): Promise<ParkedCommand[]> {
  const rows = await query<{ command_id: string; command: ParkedCommand["command"]; attempts: number; last_error: string | null;
    parked_reason: ParkedCommand["reason"]; parked_at: string; created_at: string }>(executor, sql`
    select command_id, command, attempts, last_error, parked_reason, parked_at::text, created_at::text from fulfillment_outbox
    where parked_at is not null order by parked_at desc, command_id limit ${limit}`);
  return rows.map((r) => ({ commandId: r.command_id, command: r.command, attempts: r.attempts, lastError: r.last_error,
    reason: r.parked_reason, parkedAt: r.parked_at, createdAt: r.created_at }));
}

/**
 * Sends a parked command again (after whatever made it fail is fixed): its attempts start over. Its command id is
 * the one it was first sent with, so if it did succeed once after all, the repeat answers that first outcome.
 */
export async function retryParkedCommand(executor: Executor, commandId: string): Promise<void> {
  const rows = await query(executor, sql`update fulfillment_outbox set attempts = 0, parked_at = null, parked_reason = null,
    due_at = now() where command_id = ${commandId} and parked_at is not null returning command_id`);
  if (rows.length === 0) throw new DomainError("NOT_FOUND", `No parked fulfillment command ${commandId}`);
}
