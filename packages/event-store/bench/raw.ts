import { randomUUID } from "node:crypto";
import type { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import type { Database } from "../src/index.ts";

/**
 * The baseline: the table one would hand-roll for an event log (same columns, a position key and a unique
 * (stream, version) index), written and read with the driver directly: no version check, no locks, no idempotency.
 */
export interface Raw {
  insertOne(streamId: string, version: number, data: string): Promise<void>;
  insertMany(streamId: string, fromVersion: number, data: string[]): Promise<void>;
  scan(afterPosition: number, limit: number): Promise<{ position: string | number; data: unknown }[]>;
}

export const RAW_TABLE = `create table if not exists raw_events (
  position bigint generated always as identity primary key,
  event_id uuid not null, stream_id text not null, stream_type text not null, stream_version bigint not null,
  type text not null, schema_version int not null default 1, data jsonb not null, metadata jsonb not null default '{}',
  recorded_at timestamptz not null default now(), unique (stream_id, stream_version))`;

export function rawFor(database: Database): Raw {
  const client = (database.db as unknown as { $client: unknown }).$client;
  return database.driver === "postgres" ? rawPostgres(client as Sql) : rawPglite(client as PGlite);
}

function rawPostgres(sql: Sql): Raw {
  return {
    async insertOne(streamId, version, data) {
      await sql`insert into raw_events (event_id, stream_id, stream_type, stream_version, type, data, metadata)
        values (${randomUUID()}, ${streamId}, 'bench', ${version}, 'Benchmarked', ${data}::jsonb, '{}'::jsonb)`;
    },
    async insertMany(streamId, fromVersion, data) {
      const rows = data.map((d, i) => ({ event_id: randomUUID(), stream_id: streamId, stream_type: "bench",
        stream_version: fromVersion + i, type: "Benchmarked", data: d, metadata: "{}" }));
      await sql`insert into raw_events ${sql(rows)}`;
    },
    async scan(afterPosition, limit) {
      return sql`select position, event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata, recorded_at
        from raw_events where position > ${afterPosition} order by position limit ${limit}`;
    },
  };
}

function rawPglite(pg: PGlite): Raw {
  return {
    async insertOne(streamId, version, data) {
      await pg.query(`insert into raw_events (event_id, stream_id, stream_type, stream_version, type, data, metadata)
        values ($1, $2, 'bench', $3, 'Benchmarked', $4::jsonb, '{}'::jsonb)`, [randomUUID(), streamId, version, data]);
    },
    async insertMany(streamId, fromVersion, data) {
      const values = data.map((_, i) => `($${i * 3 + 1}, $${i * 3 + 2}, 'bench', $${i * 3 + 3}, 'Benchmarked', $${data.length * 3 + 1 + i}::jsonb, '{}'::jsonb)`);
      const params = [...data.flatMap((_, i) => [randomUUID(), streamId, fromVersion + i]), ...data];
      await pg.query(`insert into raw_events (event_id, stream_id, stream_type, stream_version, type, data, metadata) values ${values.join(",")}`, params);
    },
    async scan(afterPosition, limit) {
      const result = await pg.query<{ position: number; data: unknown }>(
        `select position, event_id, stream_id, stream_type, stream_version, type, schema_version, data, metadata, recorded_at
         from raw_events where position > $1 order by position limit $2`, [afterPosition, limit]);
      return result.rows;
    },
  };
}
