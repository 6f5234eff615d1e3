import { sql } from "drizzle-orm";
import { query, type DrizzleDatabase } from "../db/database.ts";

/** Advisory-lock namespace of projection leadership (the second key is the projection name's hash). */
const LEADER_LOCK = 1129530189;

/**
 * One active instance per projection: a session-level advisory lock on a connection the runner keeps open. The
 * server releases it when that connection dies (a killed process), so another instance takes over. Correctness
 * does not rest on it — checkpoints are compare-and-set — it only keeps instances from racing for nothing.
 */
export async function tryLead(connection: DrizzleDatabase, name: string): Promise<boolean> {
  const [row] = await query<{ ok: boolean }>(connection, sql`select pg_try_advisory_lock(${LEADER_LOCK}, hashtext(${name})) as ok`);
  return row?.ok === true;
}

export async function resign(connection: DrizzleDatabase, name: string): Promise<void> {
  await connection.execute(sql`select pg_advisory_unlock(${LEADER_LOCK}, hashtext(${name}))`);
}

/**
 * The server process behind the connection: it changes when the driver silently reconnects. Undefined when the
 * connection fails or does not answer within `timeoutMs` (seen here: a query in flight when the server killed
 * the connection never settled).
 */
export async function backendId(connection: DrizzleDatabase, timeoutMs = 5000): Promise<number | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), timeoutMs)));
  try {
    const asked = query<{ pid: number }>(connection, sql`select pg_backend_pid() as pid`).then((rows) => rows[0]?.pid);
    return await Promise.race([asked, timeout]);
  } catch {
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}
