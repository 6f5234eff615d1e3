import type { SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";

export type Driver = "pglite" | "postgres";

/** A drizzle database or transaction: anything that can run a statement. */
export type Executor = Pick<PgDatabase<PgQueryResultHKT>, "execute">;
export type DrizzleDatabase = PgDatabase<PgQueryResultHKT>;

/**
 * One API over both drivers: PGlite (embedded, one connection) and postgres-js (a pool on real Postgres).
 * Listen/notify live here because PGlite's only listeners are in this process, while Postgres's may be anywhere.
 */
export interface Database {
  readonly driver: Driver;
  readonly db: DrizzleDatabase;
  listen(channel: string, onNotify: () => void): Promise<() => Promise<void>>;
  notify(channel: string): Promise<void>;
  /** Runs `work` on one connection of its own (session-level locks need one), closed afterwards. */
  withDedicatedConnection<T>(work: (db: DrizzleDatabase) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Rows of a raw statement, whichever driver ran it (postgres-js gives an array, PGlite `{ rows }`). */
export async function query<Row = Record<string, unknown>>(executor: Executor, statement: SQL): Promise<Row[]> {
  const result = (await executor.execute(statement)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

interface DriverClient {
  unsafe?: (text: string, params: unknown[], options: { prepare: boolean }) => Promise<unknown[]>;
  query?: (text: string, params: unknown[]) => Promise<{ rows: unknown[] }>;
}

/** Which driver runs `executor` (a database or a transaction of either), from its client's shape. */
export function driverOf(executor: Executor): Driver {
  const client = (executor as unknown as { session: { client: DriverClient } }).session.client;
  return client.unsafe ? "postgres" : "pglite";
}

/**
 * Runs a fixed SQL text with positional parameters straight on the driver, as a prepared statement on Postgres.
 * For the hot paths (append, readAll): building drizzle SQL and re-planning an unprepared statement per call cost
 * more than the insert itself. Reaches the client through drizzle's session, which both drivers' databases and
 * transactions expose (covered by the contract suite on both).
 */
export async function run<Row = Record<string, unknown>>(executor: Executor, text: string, params: unknown[]): Promise<Row[]> {
  const client = (executor as unknown as { session: { client: DriverClient } }).session.client;
  if (client.unsafe) return (await client.unsafe(text, params, { prepare: true })) as Row[];
  return (await client.query!(text, params)).rows as Row[];
}
