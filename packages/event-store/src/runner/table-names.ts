import { sql } from "drizzle-orm";
import { query, type Executor } from "../db/database.ts";

interface IndexName {
  index: string;
  /** The constraint the index backs (primary key, unique), if any. */
  constraint: string | null;
  /** Its definition with its own name and its table's left out: equal for a table and its `like … including all` copy. */
  shape: string;
}

/**
 * The names of a table's indexes and the constraints behind them. A copy made with `create table … (like …
 * including all)` gets generated names (`rm_orders__rebuild_pkey`), which a migration written against the original
 * names would not find after a rebuild swapped the copy in.
 */
export async function indexNamesOf(executor: Executor, table: string): Promise<IndexName[]> {
  const rows = await query<{ index: string; constraint: string | null; definition: string }>(executor, sql`
    select i.relname as index, c.conname as constraint, pg_get_indexdef(i.oid) as definition
    from pg_index x join pg_class i on i.oid = x.indexrelid
    left join pg_constraint c on c.conindid = i.oid and c.conrelid = x.indrelid
    where x.indrelid = to_regclass(${table})`);
  return rows.map((row) => ({
    index: row.index,
    constraint: row.constraint,
    shape: row.definition.replace(/^CREATE (UNIQUE )?INDEX \S+ ON \S+/, "CREATE $1INDEX ON"),
  }));
}

/** Gives the swapped-in copy's indexes and constraints the names the original table's had (matched by shape). */
export async function restoreIndexNames(executor: Executor, table: string, original: readonly IndexName[]): Promise<void> {
  const copy = await indexNamesOf(executor, table);
  for (const wanted of original) {
    const found = copy.find((c) => c.shape === wanted.shape);
    if (!found || found.index === wanted.index) continue;
    await executor.execute(wanted.constraint && found.constraint
      ? sql`alter table ${sql.identifier(table)} rename constraint ${sql.identifier(found.constraint)} to ${sql.identifier(wanted.constraint)}`
      : sql`alter index ${sql.identifier(found.index)} rename to ${sql.identifier(wanted.index)}`);
  }
}
