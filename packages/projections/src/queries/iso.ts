import { sql, type SQL } from "drizzle-orm";

/**
 * A timestamptz as the ISO UTC string the domain writes (`Date#toISOString`), whatever the driver: postgres-js and
 * PGlite would otherwise each format it their own way.
 */
export const isoUtc = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
