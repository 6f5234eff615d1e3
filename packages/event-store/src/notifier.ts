import type { Database } from "./db/database.ts";

export const EVENTS_CHANNEL = "chronicle_events";

/** At most one NOTIFY per this many milliseconds per process; the first after a quiet spell goes at once. */
const MIN_INTERVAL_MS = 50;

/**
 * Wakes subscribers after a commit. Not a trigger: a NOTIFY inside the appending transaction takes a database-wide
 * lock at commit and holds it through the WAL flush, which would serialize every writer's commit. Here a process
 * sends NOTIFY outside the appends, throttled (each NOTIFY is a small transaction of its own, and at thousands of
 * appends per second one per append would cost the writers a good share of their throughput). If the process dies
 * between commit and notify, subscribers still find the events at their next poll.
 */
export function createNotifier(database: Database): () => void {
  let lastSent = -Infinity;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const send = (): void => {
    timer = undefined;
    lastSent = performance.now();
    database.notify(EVENTS_CHANNEL).catch(() => {}); // a lost wake-up costs one poll interval, never an event
  };
  return () => {
    if (timer) return;
    const wait = lastSent + MIN_INTERVAL_MS - performance.now();
    if (wait <= 0) send();
    else timer = setTimeout(send, wait);
  };
}
