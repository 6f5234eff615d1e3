import { sql } from "drizzle-orm";
import { query, type DrizzleDatabase } from "@chronicle/event-store";

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
 * UPDATE and DELETE leave the old row's bytes in the table's files until vacuum reuses the space; VACUUM FULL
 * rewrites each table into a new file, and CHECKPOINT lets the old WAL segments be recycled. Needs the tables'
 * owner: under a separate app role (MIGRATION_DATABASE_URL) it is refused and reported, and the owner's routine
 * vacuum has to do it.
 */
export async function compactPersonalDataTables(db: DrizzleDatabase): Promise<{ compacted: boolean; reason?: string }> {
  try {
    await db.execute(sql.raw(`vacuum full ${TABLES_HOLDING_PERSONAL_DATA.map((t) => `"${t}"`).join(", ")}`));
    await dropOldWal(db);
    return { compacted: true };
  } catch (error) {
    return { compacted: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
