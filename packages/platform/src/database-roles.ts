import { sql } from "drizzle-orm";
import { ConfigurationError, query, type DrizzleDatabase } from "@chronicle/event-store";

/**
 * What the application's own database role may do, granted by the owner after every migration (so tables a new
 * migration adds are covered at the next start). The app is not the owner of the log: it may read and append events
 * but not change, delete or truncate them, and it cannot disable the append-only trigger (only an owner can). It
 * owns the read models' tables, because a rebuild replaces them (new tables, swapped in by rename); the owner role is
 * a member of the app role, so later migrations still reach them.
 */
export async function grantAppRole(owner: DrizzleDatabase, appRole: string, readModelTables: readonly string[]): Promise<void> {
  const role = sql.identifier(appRole);
  await owner.execute(sql`grant usage, create on schema public to ${role}`);
  await owner.execute(sql`grant select, insert, update, delete on all tables in schema public to ${role}`);
  await owner.execute(sql`grant usage, select on all sequences in schema public to ${role}`);
  // The log: read and append only. Streams (a version per stream) move forward; commands are recorded once.
  await owner.execute(sql`revoke update, delete, truncate, references, trigger on events from ${role}`);
  await owner.execute(sql`revoke delete, truncate on streams, commands from ${role}`);
  for (const table of readModelTables) {
    const [row] = await query<{ present: boolean }>(owner, sql`select to_regclass(${table}) is not null as present`);
    if (row?.present) await owner.execute(sql`alter table ${sql.identifier(table)} owner to ${role}`);
  }
}

/** The role a postgres:// URL signs in as. */
export function roleOf(url: string): string {
  const user = decodeURIComponent(new URL(url).username);
  if (!user) throw new ConfigurationError("DATABASE_URL names no user: with MIGRATION_DATABASE_URL, DATABASE_URL signs in as the app's own role");
  return user;
}
