import type { ShopEvent, StreamType } from "@chronicle/domain";
import type { Projection, StoredEvent } from "@chronicle/event-store";
import { getTableName } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { decodeBatch } from "./decode.ts";
import { foldRows } from "./fold-rows.ts";
import { loadRows, upsertRows } from "./rows.ts";

export interface RowProjectionDefinition<T extends PgTable, E extends ShopEvent> {
  name: string;
  /** The one stream type whose events make the rows. */
  streamType: StreamType;
  /** Which decoded events belong to that stream type (the domain's `isXEvent`). */
  belongs(event: ShopEvent): event is E;
  table: T;
  /** The primary-key column, and how an event and a row name it. */
  key: PgColumn;
  keyOf(event: E): string;
  rowKey(row: T["$inferSelect"]): string;
  /** The row after one event; see RowFold.evolve. */
  evolve(row: T["$inferSelect"] | undefined, event: E, stored: StoredEvent): T["$inferSelect"] | undefined;
}

/**
 * A read model of one row per entity: each batch is upcast and checked, folded per row in memory from the stored
 * rows (one read), and written back once per changed row (one write) — the shape the catalog, carts, orders and
 * overview users all share.
 */
export function rowProjection<T extends PgTable, E extends ShopEvent>(definition: RowProjectionDefinition<T, E>): Projection {
  const { name, table, key } = definition;
  return {
    name,
    streamTypes: [definition.streamType],
    tables: [getTableName(table)],
    async apply(events, target) {
      const batch = decodeBatch(name, events, definition.belongs);
      const changed = await foldRows(batch, {
        keyOf: definition.keyOf,
        load: (keys) => loadRows(target, table, key, keys),
        rowKey: definition.rowKey,
        evolve: definition.evolve,
      });
      await upsertRows(target, table, changed);
    },
  };
}
