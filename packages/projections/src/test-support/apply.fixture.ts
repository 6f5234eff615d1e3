import { query, type Database, type Projection, type StoredEvent } from "@chronicle/event-store";
import { sql } from "drizzle-orm";
import { shopProjections } from "../read-models/shop-projections.ts";

/** Every table of every shop projection. */
export const allTables = shopProjections.flatMap((projection) => projection.tables);

/**
 * What the runner will do, until it exists: each projection gets the events of its stream types, in batches of
 * `batchSize`, each batch in a transaction of its own, writing to `table(base)`.
 */
export async function applyInBatches(
  database: Database,
  events: readonly StoredEvent[],
  batchSize: number,
  table: (base: string) => string = (base) => base,
  projections: readonly Projection[] = shopProjections,
): Promise<void> {
  for (const projection of projections) {
    const mine = events.filter((event) => projection.streamTypes?.includes(event.streamType) ?? true);
    for (let start = 0; start < mine.length; start += batchSize) {
      const batch = mine.slice(start, start + batchSize);
      await database.db.transaction((tx) => projection.apply(batch, { executor: tx, table }));
    }
  }
}

/** Empty copies of every read-model table (as a rebuild makes them), named `<table><suffix>`. */
export async function createCopies(database: Database, suffix: string): Promise<void> {
  for (const table of allTables) {
    await database.db.execute(sql`drop table if exists ${sql.identifier(table + suffix)}`);
    await database.db.execute(sql`create table ${sql.identifier(table + suffix)} (like ${sql.identifier(table)} including all)`);
  }
}

export async function dropCopies(database: Database, suffix: string): Promise<void> {
  for (const table of allTables) await database.db.execute(sql`drop table if exists ${sql.identifier(table + suffix)}`);
}

export async function truncateReadModels(database: Database): Promise<void> {
  await database.db.execute(sql.raw(`truncate ${allTables.map((table) => `"${table}"`).join(", ")}`));
}

/** Rows in one table and not the other (in either direction, with multiplicity): 0 means identical contents. */
export async function differingRows(database: Database, a: string, b: string): Promise<number> {
  const [A, B] = [sql.identifier(a), sql.identifier(b)];
  const [row] = await query<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from ((select * from ${A} except all select * from ${B}) union all (select * from ${B} except all select * from ${A})) d`,
  );
  return Number(row?.n);
}
