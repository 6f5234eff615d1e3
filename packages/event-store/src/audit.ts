import { sql, type SQL } from "drizzle-orm";
import { query } from "./db/database.ts";
import { ValidationError } from "./errors.ts";
import { COLUMNS, toEvent, type EventRow } from "./read.ts";
import type { EventStore } from "./store.ts";
import type { Checkpoint, StoredEvent } from "./types.ts";

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
 * costs what page 1 costs. Every filter has an index (migration 0005), and each is an AND.
 */
export async function auditLog(store: EventStore, filter: AuditFilter, before: Checkpoint | null, limit = 50): Promise<AuditPage> {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > MAX_AUDIT_PAGE) {
    throw new ValidationError(`must be a whole number from 1 to ${MAX_AUDIT_PAGE}`, "limit");
  }
  const conditions: SQL[] = [];
  if (before) conditions.push(sql`(tx_id, position) < (${String(before.txId)}::xid8, ${before.position}::bigint)`);
  if (filter.types?.length) conditions.push(sql`type = any(string_to_array(${filter.types.join(",")}, ','))`);
  if (filter.streamId) conditions.push(sql`stream_id = ${filter.streamId}`);
  if (filter.actor) conditions.push(sql`(metadata->>'actor') = ${filter.actor}`);
  if (filter.correlationId) conditions.push(sql`(metadata->>'correlationId') = ${filter.correlationId}`);
  if (filter.from) conditions.push(sql`recorded_at >= ${filter.from}::timestamptz`);
  if (filter.to) conditions.push(sql`recorded_at < ${filter.to}::timestamptz`);
  const where = conditions.length ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
  const rows = await query<EventRow>(store.database.db, sql`select ${COLUMNS} from events ${where}
    order by events.tx_id desc, events.position desc limit ${limit + 1}`);
  const events = rows.slice(0, limit).map(toEvent);
  const last = events[events.length - 1];
  return { events, next: rows.length > limit && last ? { txId: last.txId, position: last.position } : null };
}

export async function eventById(store: EventStore, eventId: string): Promise<StoredEvent | null> {
  if (!/^[0-9a-f-]{36}$/i.test(eventId)) return null;
  const [row] = await query<EventRow>(store.database.db, sql`select ${COLUMNS} from events where event_id = ${eventId}::uuid`);
  return row ? toEvent(row) : null;
}

/** The events whose causation is this event (a process reacting to it), oldest first. */
export async function eventsCausedBy(store: EventStore, eventId: string, limit = 100): Promise<StoredEvent[]> {
  const rows = await query<EventRow>(store.database.db, sql`select ${COLUMNS} from events
    where (metadata->>'causationId') = ${eventId} order by events.tx_id, events.position limit ${limit}`);
  return rows.map(toEvent);
}

/** Events recorded per minute over the last `minutes` minutes (minutes without events are left out). */
export async function eventsPerMinute(store: EventStore, minutes = 60): Promise<{ minute: string; events: number }[]> {
  const rows = await query<{ minute: string; events: string }>(store.database.db, sql`
    select to_char(date_trunc('minute', recorded_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI"Z"') as minute, count(*) as events
    from events where recorded_at >= now() - make_interval(mins => ${minutes}::int)
    group by 1 order by 1`);
  return rows.map((r) => ({ minute: r.minute, events: Number(r.events) }));
}
