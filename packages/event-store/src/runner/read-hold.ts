import { sql } from "drizzle-orm";
import { query } from "../db/database.ts";
import { readHorizon } from "../read.ts";
import type { EventStore } from "../store.ts";

/** A running transaction that readers wait for: what pg_stat_activity says of it (null where this role may not see). */
export interface ReadBlocker {
  /** Its transaction id (xid8). */
  txId: string;
  pid: number | null;
  database: string | null;
  application: string | null;
  state: string | null;
  /** When its transaction began, and how long ago (seconds). */
  transactionStartedAt: string | null;
  ageSeconds: number | null;
  /** The first line of its current (or last) statement, at most 200 characters. */
  query: string | null;
}

/** Committed events readers may not read yet, and the running transactions they wait for. */
export interface ReadHold {
  waiting: number;
  blockers: ReadBlocker[];
}

const QUERY_CHARS = 200;

/**
 * Why committed events are not read yet: a reader reads only below the oldest transaction still running in this
 * database (the ordering rule, see READ_HORIZON_SQL), so an open transaction holds back every event committed after
 * it began writing. Lists those transactions, oldest first — the ones whose end lets the waiting events through. On
 * PGlite (one connection) nothing can be running while this runs.
 */
export async function readHold(store: EventStore): Promise<ReadHold> {
  const db = store.database.db;
  if (store.database.driver === "pglite") return { waiting: 0, blockers: [] };
  const [held] = await query<{ waiting: string; newest: string | null; horizon: string }>(db, sql`
    with bound as (select ${sql.raw(readHorizon(db))} as x)
    select count(*) as waiting, max(tx_id)::text as newest, (select x from bound)::text as horizon
    from events where tx_id >= (select x from bound)`);
  const waiting = Number(held!.waiting);
  if (waiting === 0 || held!.newest === null) return { waiting: 0, blockers: [] };
  const rows = await query<{ tx_id: string; pid: number | null; datname: string | null; application_name: string | null; state: string | null;
    xact_start: string | null; age: string | null; query: string | null }>(db, sql`
    select x::text as tx_id, a.pid, a.datname, a.application_name, a.state, a.xact_start::text as xact_start,
      extract(epoch from now() - a.xact_start)::text as age, a.query
    from pg_snapshot_xip(pg_current_snapshot()) as x
    left join pg_stat_activity a on a.backend_xid = x::xid
    where x >= ${held!.horizon}::xid8 and x < ${held!.newest}::xid8
      and (a.datid is null or a.datid = (select oid from pg_database where datname = current_database()))
    order by x`);
  return {
    waiting,
    blockers: rows.map((r) => ({
      txId: r.tx_id,
      pid: r.pid,
      database: r.datname,
      application: r.application_name,
      state: r.state,
      transactionStartedAt: r.xact_start,
      ageSeconds: r.age === null ? null : Math.round(Number(r.age)),
      query: r.query === null ? null : (r.query.trim().split("\n")[0] ?? "").slice(0, QUERY_CHARS),
    })),
  };
}
