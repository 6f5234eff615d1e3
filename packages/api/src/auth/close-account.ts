import { sql } from "drizzle-orm";
import { query, type Driver, type DrizzleDatabase } from "@chronicle/event-store";

/**
 * Closes a forgotten customer's account: their auth user row goes, and with it (ON DELETE CASCADE) their password
 * hash and every session, so signing in is refused and open sessions end. Verification tokens sent to their email
 * go too. Returns whether there was an account.
 */
export async function closeAccount(db: DrizzleDatabase, userId: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [user] = await query<{ email: string }>(tx, sql`select email from auth_user where id = ${userId} for update`);
    if (!user) return false;
    await tx.execute(sql`delete from auth_verification where position(${user.email} in identifier) > 0`);
    await tx.execute(sql`delete from auth_user where id = ${userId}`);
    return true;
  });
}

/** The tables a forget changes outside the log: compacted afterwards so deleted rows leave the data files. */
export const TABLES_HOLDING_PERSONAL_DATA = [
  "subject_keys",
  "snapshots",
  "commands",
  "rm_overview_users",
  "auth_user",
  "auth_session",
  "auth_account",
  "auth_verification",
] as const;

/**
 * The write-ahead log still holds the rows as they were inserted. Switching to a new segment and checkpointing makes
 * the old segments unneeded; with wal_recycle off they are deleted instead of being renamed for reuse (which would
 * keep their bytes). Needs superuser (PGlite's own user is one); elsewhere it is skipped: WAL segments are not part
 * of a dump, and the server recycles them at its own checkpoints.
 */
async function dropOldWal(db: DrizzleDatabase): Promise<void> {
  try {
    await db.execute(sql`set wal_recycle = off`);
    await db.execute(sql`select pg_switch_wal()`);
    await db.execute(sql`checkpoint`);
    await db.execute(sql`reset wal_recycle`);
  } catch {
    // Not a superuser: leave it to the server.
  }
}

/**
 * UPDATE and DELETE leave the old row's bytes in the table's files until vacuum reuses the space.
 * - Embedded PGlite (one process, small tables, its data folder is the thing that gets copied): VACUUM FULL rewrites
 *   each table into a new file, then the old WAL segments are dropped.
 * - Postgres: a plain VACUUM, which never blocks readers or writers — VACUUM FULL would lock `commands` and the auth
 *   tables for as long as it takes to rewrite them. The dead rows are no longer visible to anything (a dump has none
 *   of them); their bytes go when the space is reused or the owner's maintenance rewrites the table. Without
 *   ownership (a separate app role) Postgres skips the tables with a warning.
 */
export async function compactPersonalDataTables(db: DrizzleDatabase, driver: Driver): Promise<{ compacted: "full" | "vacuum" | "refused"; reason?: string }> {
  const tables = TABLES_HOLDING_PERSONAL_DATA.map((t) => `"${t}"`).join(", ");
  try {
    if (driver === "postgres") {
      await db.execute(sql.raw(`vacuum ${tables}`));
      return { compacted: "vacuum" };
    }
    await db.execute(sql.raw(`vacuum full ${tables}`));
    await dropOldWal(db);
    return { compacted: "full" };
  } catch (error) {
    return { compacted: "refused", reason: error instanceof Error ? error.message : String(error) };
  }
}
