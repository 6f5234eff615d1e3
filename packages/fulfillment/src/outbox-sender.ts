import { sql } from "drizzle-orm";
import { executeShopCommand } from "@chronicle/application";
import { isDomainError } from "@chronicle/domain";
import { createWaker, EVENTS_CHANNEL, query, type EventStore } from "@chronicle/event-store";

export interface OutboxSenderOptions {
  /** Only the instance that leads the fulfillment projection sends (others would only repeat it). */
  isLeader(): boolean;
  pollIntervalMs?: number;
  /** Attempts for failures that may pass (a dropped connection); a domain refusal is final at once. */
  maxAttempts?: number;
  log?: (message: string, fields?: Record<string, unknown>) => void;
}

interface OutboxRow {
  command_id: string;
  command: unknown;
  metadata: { correlationId?: string; causationId?: string; actor?: string };
  attempts: number;
}

/**
 * Sends the fulfillment process's due commands. A command is deleted from the outbox only after it was handled, so
 * a crash in between sends it again — and the command id makes the repeat return the first result.
 */
export function startOutboxSender(store: EventStore, options: OutboxSenderOptions): { stop(): Promise<void> } {
  const { pollIntervalMs = 250, maxAttempts = 5, log = () => {} } = options;
  const db = store.database.db;
  const waker = createWaker();

  const sendDue = async (): Promise<number> => {
    const rows = await query<OutboxRow>(db, sql`select command_id, command, metadata, attempts from fulfillment_outbox
      where due_at <= now() and parked_at is null order by due_at, command_id limit 50`);
    for (const row of rows) {
      if (waker.stopped) break;
      try {
        await executeShopCommand(store, row.command, { ...row.metadata, now: new Date().toISOString(), commandId: row.command_id });
        await db.execute(sql`delete from fulfillment_outbox where command_id = ${row.command_id}`);
      } catch (error) {
        const final = isDomainError(error) && error.code !== "VALIDATION";
        const attempts = row.attempts + 1;
        // Given up: a refusal by the domain is a dead letter at once; anything else after maxAttempts tries.
        const parked = final ? "refused" : attempts >= maxAttempts ? "attempts" : null;
        await db.execute(sql`update fulfillment_outbox set attempts = ${attempts}, last_error = ${String(error).slice(0, 2000)},
          due_at = now() + ${`${2 ** attempts * 100} milliseconds`}::interval,
          parked_at = ${parked ? sql`now()` : sql`null`}, parked_reason = ${parked} where command_id = ${row.command_id}`);
        log("fulfillment command failed", { commandId: row.command_id, attempts, final, parked, error: String(error) });
      }
    }
    return rows.length;
  };

  const done = (async () => {
    const unlisten = await store.database.listen(EVENTS_CHANNEL, waker.wake);
    try {
      let failures = 0;
      while (!waker.stopped) {
        waker.take();
        try {
          const sent = options.isLeader() ? await sendDue() : 0;
          failures = 0;
          if (sent === 0) await waker.sleep(pollIntervalMs);
        } catch (error) {
          // The database went away (a restart, a dropped connection): the outbox is still there when it returns.
          failures++;
          log("outbox sender cannot reach the database; trying again", { error: String(error), failures });
          await waker.sleep(Math.min(250 * 2 ** Math.min(failures - 1, 6), 10_000));
        }
      }
    } finally {
      await unlisten();
    }
  })();
  done.catch((error) => log("outbox sender stopped", { error: String(error) }));
  return {
    async stop() {
      waker.stop();
      await done.catch(() => {});
    },
  };
}
