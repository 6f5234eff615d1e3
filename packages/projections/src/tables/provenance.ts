import { bigint, uuid } from "drizzle-orm/pg-core";

/**
 * Every read-model row names the event that last changed it, so "why is this row like this?" is answered by the
 * log itself: the events of the row's stream (or, for aggregates, of the log) up to that point. `last_tx_id` and
 * `last_position` together are that event's place in the global order (a checkpoint); the position alone is not
 * ordered across concurrent transactions (see the event store's README).
 * A function, not a shared object: drizzle column builders belong to exactly one table.
 */
export const provenanceColumns = () => ({
  lastTxId: bigint("last_tx_id", { mode: "number" }).notNull(),
  lastPosition: bigint("last_position", { mode: "number" }).notNull(),
  lastEventId: uuid("last_event_id").notNull(),
});
