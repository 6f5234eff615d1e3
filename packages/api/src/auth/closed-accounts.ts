import { START, checkpointOf, compareCheckpoints, type Checkpoint, type EventStore } from "@chronicle/event-store";
import type { Logger } from "pino";

/**
 * The accounts closed because their customer was forgotten (a CustomerForgotten in the log). better-auth's signed
 * session cookie cache vouches for a session for up to SESSION_CACHE_SECONDS without asking the database, so a
 * deleted account's cookie on another device would still be honoured for that long: every request checks this set
 * instead (in memory, no query). It is read from the log when the process starts and followed with a light poll
 * (only the events after the last look, only that type); a forget done by this process is added at once.
 */
export interface ClosedAccounts {
  has(userId: string): boolean;
  add(userId: string): void;
  /** Reads what the log holds now; the poll calls it, and tests may. */
  refresh(): Promise<void>;
  stop(): void;
}

export interface FollowClosedAccountsOptions {
  /** How often other processes' forgets are picked up (default 1 s): an upper bound on their cached sessions. */
  pollMs?: number;
  log?: Pick<Logger, "warn">;
}

/** Starts following; resolves once the log's closed accounts up to now are known. */
export async function followClosedAccounts(store: EventStore, options: FollowClosedAccountsOptions = {}): Promise<ClosedAccounts> {
  const closed = new Set<string>();
  let cursor: Checkpoint = START;
  let running: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  const look = async () => {
    // Everything up to the head is visible and final (the reader's bound): the next look starts there, so a poll
    // reads only what was appended since, however long the log is.
    const head = await store.headCheckpoint();
    let last = cursor;
    for await (const event of store.readAll({ after: cursor, filter: { types: ["CustomerForgotten"] } })) {
      const userId = (event.data as { userId?: unknown }).userId;
      if (typeof userId === "string") closed.add(userId);
      last = checkpointOf(event);
    }
    cursor = compareCheckpoints(head, last) > 0 ? head : last;
  };
  const refresh = () => (running ??= look().finally(() => (running = null)));

  await refresh();
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      refresh()
        .catch((error: unknown) => options.log?.warn({ err: error }, "could not read closed accounts; trying again"))
        .finally(schedule);
    }, options.pollMs ?? 1000);
    timer.unref();
  };
  schedule();
  return {
    has: (userId) => closed.has(userId),
    add: (userId) => void closed.add(userId),
    refresh,
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
    },
  };
}
