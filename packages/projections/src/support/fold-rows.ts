import type { ShopEvent } from "@chronicle/domain";
import type { StoredEvent } from "@chronicle/event-store";
import type { Decoded } from "./decode.ts";

export interface RowFold<Row, E extends ShopEvent> {
  /** The row an event is about (every event of a stream names its entity). */
  keyOf(event: E): string;
  /** The stored rows of these keys (one query). */
  load(keys: readonly string[]): Promise<readonly Row[]>;
  rowKey(row: Row): string;
  /**
   * The row after the event: the same value when the event changes nothing, so its provenance stays (undefined
   * stays undefined: an event about a row that does not exist). Rows are never deleted through a fold.
   */
  evolve(row: Row | undefined, event: E, stored: StoredEvent): Row | undefined;
}

/**
 * Folds a batch per key in memory, starting from the stored rows, and returns each changed row once, in its final
 * state: a batch costs one read and one write per table however often a key changes in it.
 */
export async function foldRows<Row, E extends ShopEvent>(batch: readonly Decoded<E>[], fold: RowFold<Row, E>): Promise<Row[]> {
  const keys = new Set(batch.map(({ event }) => fold.keyOf(event)));
  const rows = new Map<string, Row>();
  for (const row of await fold.load([...keys])) rows.set(fold.rowKey(row), row);
  const changed = new Set<string>();
  for (const { event, stored } of batch) {
    const key = fold.keyOf(event);
    const before = rows.get(key);
    const after = fold.evolve(before, event, stored);
    if (after === before || after === undefined) continue;
    rows.set(key, after);
    changed.add(key);
  }
  return [...changed].map((key) => rows.get(key)!);
}
