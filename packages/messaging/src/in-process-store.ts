import { sql } from "drizzle-orm";
import { migrate, query, type Database } from "@chronicle/event-store";
import { messagingMigrationSet } from "./migrations.ts";
import type { IntegrationMessage } from "./types.ts";

export interface StoredRow {
  seq: number;
  msgId: string;
  message: IntegrationMessage;
  storedAt: number;
}

/** Where the in-process transport keeps what must outlive the process: messages and consumers' acks. */
export interface InProcessPersistence {
  prepare(): Promise<void>;
  loadStream(name: string): Promise<{ lastSeq: number; messages: StoredRow[] }>;
  saveMessage(stream: string, row: StoredRow): Promise<void>;
  deleteMessages(stream: string, seqs: number[]): Promise<void>;
  loadConsumer(stream: string, durable: string): Promise<{ ackFloor: number; ackedAbove: number[] } | undefined>;
  saveConsumer(stream: string, durable: string, filterSubject: string | undefined, ackFloor: number, ackedAbove: number[]): Promise<void>;
}

export function databasePersistence(database: Database): InProcessPersistence {
  const db = database.db;
  let prepared: Promise<void> | undefined;
  return {
    prepare: () => (prepared ??= migrate(database, messagingMigrationSet)),
    async loadStream(name) {
      const [head] = await query<{ last_seq: string }>(db, sql`select last_seq from messaging_streams where name = ${name}`);
      const rows = await query<{ seq: string; msg_id: string; message: IntegrationMessage; stored_at: string }>(db, sql`
        select seq, msg_id, message, stored_at from messaging_messages where stream = ${name} order by seq`);
      return {
        lastSeq: head ? Number(head.last_seq) : 0,
        messages: rows.map((r) => ({ seq: Number(r.seq), msgId: r.msg_id, message: r.message, storedAt: Number(r.stored_at) })),
      };
    },
    async saveMessage(stream, row) {
      await db.transaction(async (tx) => {
        await tx.execute(sql`insert into messaging_messages (stream, seq, msg_id, message, stored_at)
          values (${stream}, ${row.seq}, ${row.msgId}, ${JSON.stringify(row.message)}::jsonb, ${row.storedAt})`);
        await tx.execute(sql`insert into messaging_streams (name, last_seq) values (${stream}, ${row.seq})
          on conflict (name) do update set last_seq = greatest(messaging_streams.last_seq, excluded.last_seq)`);
      });
    },
    async deleteMessages(stream, seqs) {
      if (seqs.length === 0) return;
      await db.execute(sql`delete from messaging_messages where stream = ${stream}
        and seq = any(string_to_array(${seqs.join(",")}, ',')::bigint[])`);
    },
    async loadConsumer(stream, durable) {
      const [row] = await query<{ ack_floor: string; acked_above: number[] }>(db, sql`
        select ack_floor, acked_above from messaging_consumers where stream = ${stream} and durable = ${durable}`);
      return row ? { ackFloor: Number(row.ack_floor), ackedAbove: row.acked_above } : undefined;
    },
    async saveConsumer(stream, durable, filterSubject, ackFloor, ackedAbove) {
      await db.execute(sql`insert into messaging_consumers (stream, durable, filter_subject, ack_floor, acked_above)
        values (${stream}, ${durable}, ${filterSubject ?? null}, ${ackFloor}, ${JSON.stringify(ackedAbove)}::jsonb)
        on conflict (stream, durable) do update set filter_subject = excluded.filter_subject,
          ack_floor = excluded.ack_floor, acked_above = excluded.acked_above`);
    },
  };
}
