import type { StoredEvent } from "@chronicle/event-store";

/** The provenance columns' values for a row that `stored` changed. */
export function changedBy(stored: StoredEvent): { lastTxId: number; lastPosition: number; lastEventId: string } {
  return { lastTxId: stored.txId, lastPosition: stored.position, lastEventId: stored.eventId };
}

/** The event that last changed a row, as queries return it: look it up in the log to explain the row. */
export interface Provenance {
  readonly eventId: string;
  readonly txId: number;
  readonly position: number;
}

export function provenanceOf(row: { last_event_id: string; last_tx_id: unknown; last_position: unknown }): Provenance {
  return { eventId: row.last_event_id, txId: Number(row.last_tx_id), position: Number(row.last_position) };
}
