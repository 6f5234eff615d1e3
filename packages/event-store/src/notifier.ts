import type { Database } from "./db/database.ts";

export const EVENTS_CHANNEL = "chronicle_events";

/**
 * Wakes subscribers after a commit. Not a trigger: a NOTIFY inside the appending transaction takes a database-wide
 * lock at commit and holds it through the WAL flush, which would serialize every writer's commit. Here a process
 * sends at most one NOTIFY at a time (others coalesce into the next one), outside the append. If the process dies
 * between commit and notify, subscribers still find the events at their next poll.
 */
export function createNotifier(database: Database): () => void {
  let inFlight = false;
  let pending = false;
  const send = (): void => {
    inFlight = true;
    pending = false;
    database
      .notify(EVENTS_CHANNEL)
      .catch(() => {}) // a lost wake-up costs one poll interval, never an event
      .finally(() => {
        inFlight = false;
        if (pending) send();
      });
  };
  return () => {
    if (inFlight) pending = true;
    else send();
  };
}
