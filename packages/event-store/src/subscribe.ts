import type { Database, Executor } from "./db/database.ts";
import { START, checkpointOf } from "./checkpoint.ts";
import { EVENTS_CHANNEL } from "./notifier.ts";
import { revealEvents } from "./personal-data/protection.ts";
import { readAllPage } from "./read.ts";
import type { Checkpoint, EventFilter, StoredEvent } from "./types.ts";
import { createWaker } from "./waker.ts";

export interface SubscribeOptions {
  /** Exclusive start: the checkpoint of the last event handled before; default the beginning. */
  after?: Checkpoint;
  filter?: EventFilter;
  batchSize?: number;
  /** Longest wait between two looks at the log when no notification arrives (default 500 ms). */
  pollIntervalMs?: number;
}

export interface Subscription {
  /** The last event handled. */
  readonly checkpoint: Checkpoint;
  /** How many times it has looked at the log so far (for status pages and tests: a wake-up shows as a look). */
  readonly reads: number;
  /** Stops after the event being handled; resolves when the subscription has stopped. */
  stop(): Promise<void>;
  /** Settles when the subscription ends: resolves after stop(), rejects with the handler's error. */
  readonly done: Promise<void>;
}

export type EventHandler = (event: StoredEvent) => unknown | Promise<unknown>;

/**
 * Catch up, then follow live. Woken by NOTIFY; when a wake-up finds nothing visible yet (an older transaction is
 * still open, so newer events are held back), looks again after 2, 4, 8… ms up to the poll interval.
 */
export function subscribe(database: Database, executor: Executor, options: SubscribeOptions, handler: EventHandler): Subscription {
  const { filter, batchSize = 500, pollIntervalMs = 500 } = options;
  let cursor = options.after ?? START;
  const waker = createWaker();
  let reads = 0;

  const run = async (): Promise<void> => {
    const unlisten = await database.listen(EVENTS_CHANNEL, waker.wake);
    try {
      let retryDelay = 0;
      while (!waker.stopped) {
        const notified = waker.take();
        if (notified) retryDelay = 2;
        const page = await revealEvents(database, executor, await readAllPage(executor, cursor, batchSize, filter));
        reads++;
        for (const event of page) {
          if (waker.stopped) return;
          await handler(event);
          cursor = checkpointOf(event);
        }
        if (page.length === batchSize) continue;
        if (retryDelay > 0 && retryDelay < pollIntervalMs) {
          await waker.sleep(retryDelay);
          retryDelay *= 2;
        } else {
          retryDelay = 0;
          await waker.sleep(pollIntervalMs);
        }
      }
    } finally {
      await unlisten();
    }
  };

  const done = run();
  done.catch(() => {}); // the caller observes failures through `done`; never an unhandled rejection
  return {
    get checkpoint() {
      return cursor;
    },
    get reads() {
      return reads;
    },
    async stop() {
      waker.stop();
      await done.catch(() => {});
    },
    done,
  };
}
