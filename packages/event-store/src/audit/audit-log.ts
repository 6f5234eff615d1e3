import { sql, type SQL } from "drizzle-orm";
import { query } from "../db/database.ts";
import { ValidationError } from "../errors.ts";
import { revealEvents } from "../personal-data/protection.ts";
import { COLUMNS, toEvent, type EventRow } from "../read.ts";
import type { EventStore } from "../store.ts";
import type { Checkpoint, StoredEvent } from "../types.ts";
import { AUDIT_INDEX } from "./audit-index-projection.ts";

export interface AuditFilter {
  types?: readonly string[];
  streamId?: string;
  actor?: string;
  correlationId?: string;
  /** ISO 8601 bounds on the recording time, `from` inclusive, `to` exclusive. */
  from?: string;
  to?: string;
}

export interface AuditPage {
  events: StoredEvent[];
  /** Pass as `before` for the next (older) page; null when this page is the last. */
  next: Checkpoint | null;
}

export const MAX_AUDIT_PAGE = 200;

/**
 * The log itself, newest first, for people: keyset pagination on the global order (tx_id, position), so page 5,000
 * costs what page 1 costs. Unfiltered or by stream alone, it reads `events` directly (exact the moment a command
 * returns); by type, actor, correlation id or time, it finds the events through the `audit_index` projection, whose
 * indexes serve every filter (each an AND) — such a view follows the log by the projection's lag (milliseconds;
 * see `waitForProjections`).
 */
export async function auditLog(store: EventStore, filter: AuditFilter, before: Checkpoint | null, limit = 50): Promise<AuditPage> {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) {
    throw new ValidationError(`must be a whole number from 1 to ${MAX_AUDIT_PAGE}`, "limit");
  }
  const conditions: SQL[] = [];
  if (before) conditions.push(sql`(a.tx_id, a.position) < (${String(before.txId)}::xid8, ${before.position}::bigint)`);
  if (filter.types?.length) conditions.push(sql`a.type = any(string_to_array(${filter.types.join(",")}, ','))`);
  if (filter.streamId) conditions.push(sql`a.stream_id = ${filter.streamId}`);
  if (filter.actor) conditions.push(sql`a.actor = ${filter.actor}`);
  if (filter.correlationId) conditions.push(sql`a.correlation_id = ${filter.correlationId}`);
  if (filter.from) conditions.push(sql`a.recorded_at >= ${filter.from}::timestamptz`);
  if (filter.to) conditions.push(sql`a.recorded_at < ${filter.to}::timestamptz`);
  // A stream alone is served by the log's own (stream_id, stream_version) index: exact the moment a command returns.
  const indexed = Boolean(filter.types?.length || filter.actor || filter.correlationId || filter.from || filter.to);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const rows = indexed
    ? await query<EventRow>(store.database.db, sql`select ${COLUMNS} from events join (
        select a.tx_id, a.position from ${sql.identifier(AUDIT_INDEX)} a ${where}
        order by a.tx_id desc, a.position desc limit ${limit + 1}) page using (tx_id, position)
        order by events.tx_id desc, events.position desc`)
    : await query<EventRow>(store.database.db, sql`select ${COLUMNS} from events a ${where}
        order by a.tx_id desc, a.position desc limit ${limit + 1}`);
  const events = await revealEvents(store.database, store.database.db, rows.slice(0, limit).map(toEvent));
  const last = events[events.length - 1];
  return { events, next: rows.length > limit && last ? { txId: last.txId, position: last.position } : null };
}

export async function eventById(store: EventStore, eventId: string): Promise<StoredEvent | null> {
  if (!/^[0-9a-f-]{36}$/i.test(eventId)) return null;
  const [row] = await query<EventRow>(store.database.db, sql`select ${COLUMNS} from events where event_id = ${eventId}::uuid`);
  return row ? (await revealEvents(store.database, store.database.db, [toEvent(row)]))[0]! : null;
}

/** The events whose causation is this event (a process reacting to it), oldest first. */
export async function eventsCausedBy(store: EventStore, eventId: string, limit = 100): Promise<StoredEvent[]> {
  const rows = await query<EventRow>(store.database.db, sql`select ${COLUMNS} from events join (
      select tx_id, position from ${sql.identifier(AUDIT_INDEX)} where causation_id = ${eventId}) caused using (tx_id, position)
    order by events.tx_id, events.position limit ${limit}`);
  return revealEvents(store.database, store.database.db, rows.map(toEvent));
}

/** Events recorded per minute over the last `minutes` minutes (minutes without events are left out), as indexed. */
export async function eventsPerMinute(store: EventStore, minutes = 60): Promise<{ minute: string; events: number }[]> {
  const rows = await query<{ minute: string; events: string }>(store.database.db, sql`
    select to_char(date_trunc('minute', recorded_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as minute, count(*) as events
    from ${sql.identifier(AUDIT_INDEX)} where recorded_at >= now() - make_interval(mins => ${minutes}::int)
    group by 1 order by 1`);
  return rows.map((r) => ({ minute: r.minute, events: Number(r.events) }));
}
