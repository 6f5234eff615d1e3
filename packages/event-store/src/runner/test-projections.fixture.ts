import { sql } from "drizzle-orm";
import type { Executor } from "../db/database.ts";
import type { Projection } from "./types.ts";

/** Tables of the test projections (real projections get theirs from migrations). */
export async function createTestTables(executor: Executor): Promise<void> {
  await executor.execute(sql`create table if not exists test_counts (type text primary key, n bigint not null, last_position bigint not null)`);
  await executor.execute(sql`create table if not exists test_applied (event_id uuid primary key, position bigint not null)`);
}

/**
 * Counts events per type, and records every event id it applies under a primary key: applying one event twice
 * fails the batch, so "0 double-applied" is checked by the database itself.
 */
export function countingProjection(name = "test_counts", options: { failOn?: () => string | undefined } = {}): Projection {
  return {
    name,
    streamTypes: ["order", "cart"],
    tables: ["test_counts", "test_applied"],
    async apply(events, target) {
      for (const event of events) {
        if (options.failOn?.() === event.type) throw new Error(`cannot apply ${event.type}`);
      }
      const ids = events.map((e) => e.eventId).join(",");
      const positions = events.map((e) => e.position).join(",");
      await target.executor.execute(sql`insert into ${sql.identifier(target.table("test_applied"))} (event_id, position)
        select unnest(string_to_array(${ids}, ','))::uuid, unnest(string_to_array(${positions}, ','))::bigint`);
      const counts = new Map<string, { n: number; last: number }>();
      for (const e of events) counts.set(e.type, { n: (counts.get(e.type)?.n ?? 0) + 1, last: e.position });
      for (const [type, { n, last }] of counts) {
        await target.executor.execute(sql`insert into ${sql.identifier(target.table("test_counts"))} (type, n, last_position)
          values (${type}, ${n}, ${last}) on conflict (type) do update set n = excluded.n + ${sql.identifier(target.table("test_counts"))}.n,
          last_position = excluded.last_position`);
      }
    },
  };
}

/** Another projection that never fails: it must keep going while a sibling is halted. */
export function typesSeenProjection(): Projection {
  return {
    name: "test_types_seen",
    tables: ["test_types_seen"],
    async apply(events, target) {
      for (const e of events) {
        await target.executor.execute(sql`insert into ${sql.identifier(target.table("test_types_seen"))} (type) values (${e.type}) on conflict do nothing`);
      }
    },
  };
}

export async function createTypesSeenTable(executor: Executor): Promise<void> {
  await executor.execute(sql`create table if not exists test_types_seen (type text primary key)`);
}
