import { getTableColumns, sql, type SQL } from "drizzle-orm";
import { getTableConfig, type PgColumn, type PgTable } from "drizzle-orm/pg-core";
import { query, type ProjectionTarget } from "@chronicle/event-store";

/**
 * Batch I/O for read-model tables, derived from their drizzle definitions so column names and types have one
 * source. Every statement takes the whole batch as ONE json parameter (json_to_recordset): one round trip per
 * table, the same statement text for any batch size, and the same on both drivers (drizzle would expand a JS
 * array into one parameter per element).
 */
interface Shape {
  /** `"productId" text, …`: the recordset's columns, named like the row objects' properties. */
  readonly recordset: SQL;
  /** `"product_id", …` and `"productId", …`: insert target columns and the matching recordset columns. */
  readonly targets: SQL;
  readonly sources: SQL;
  readonly conflictKey: SQL;
  readonly updateAll: SQL;
  /** Database column name → property name, to read rows back. */
  readonly propertyOf: ReadonlyMap<string, string>;
}

const shapes = new WeakMap<PgTable, Shape>();

function shapeOf(table: PgTable): Shape {
  const cached = shapes.get(table);
  if (cached) return cached;
  const columns = Object.entries(getTableColumns(table)) as [string, PgColumn][];
  const quote = (name: string) => `"${name}"`;
  const primary = getTableConfig(table).primaryKeys[0]?.columns.map((c) => c.name) ?? columns.filter(([, c]) => c.primary).map(([, c]) => c.name);
  const shape: Shape = {
    recordset: sql.raw(columns.map(([property, c]) => `${quote(property)} ${c.getSQLType()}`).join(", ")),
    targets: sql.raw(columns.map(([, c]) => quote(c.name)).join(", ")),
    sources: sql.raw(columns.map(([property]) => quote(property)).join(", ")),
    conflictKey: sql.raw(primary.map(quote).join(", ")),
    updateAll: sql.raw(
      columns
        .filter(([, c]) => !primary.includes(c.name))
        .map(([, c]) => `${quote(c.name)} = excluded.${quote(c.name)}`)
        .join(", "),
    ),
    propertyOf: new Map(columns.map(([property, c]) => [c.name, property])),
  };
  shapes.set(table, shape);
  return shape;
}

const tableIn = (target: ProjectionTarget, table: PgTable) => sql.identifier(target.table(getTableConfig(table).name));
const json = (value: unknown) => sql`${JSON.stringify(value)}::json`;

/**
 * Inserts or replaces rows (at most one per key: Postgres refuses to update a row twice in one statement).
 * `set` replaces the update clause, e.g. to add deltas to the stored row (aliased `t`).
 */
export async function upsertRows<T extends PgTable>(
  target: ProjectionTarget,
  table: T,
  rows: readonly T["$inferInsert"][],
  set?: SQL,
): Promise<void> {
  if (rows.length === 0) return;
  const shape = shapeOf(table);
  await target.executor.execute(sql`insert into ${tableIn(target, table)} as t (${shape.targets})
    select ${shape.sources} from json_to_recordset(${json(rows)}) as r(${shape.recordset})
    on conflict (${shape.conflictKey}) do update set ${set ?? shape.updateAll}`);
}

/** The stored rows with these keys, as row objects (property names), in one query. */
export async function loadRows<T extends PgTable>(
  target: ProjectionTarget,
  table: T,
  key: PgColumn,
  keys: readonly string[],
): Promise<T["$inferSelect"][]> {
  if (keys.length === 0) return [];
  const shape = shapeOf(table);
  // As json text: both drivers hand text back untouched (bigint, date and jsonb would each come back differently).
  const found = await query<{ row: string }>(
    target.executor,
    sql`select row_to_json(t)::text as row from ${tableIn(target, table)} t
      where ${sql.identifier(key.name)} in (select json_array_elements_text(${json(keys)}))`,
  );
  return found.map(({ row }) => {
    const stored = JSON.parse(row) as Record<string, unknown>;
    return Object.fromEntries(Object.entries(stored).map(([name, value]) => [shape.propertyOf.get(name) ?? name, value])) as T["$inferSelect"];
  });
}

export async function deleteRows(target: ProjectionTarget, table: PgTable, key: PgColumn, keys: readonly string[]): Promise<void> {
  if (keys.length === 0) return;
  await target.executor.execute(
    sql`delete from ${tableIn(target, table)} where ${sql.identifier(key.name)} in (select json_array_elements_text(${json(keys)}))`,
  );
}
