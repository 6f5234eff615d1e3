import { sql } from "drizzle-orm";
import { query } from "./db/database.ts";
import type { EventStore } from "./store.ts";
import type { Checkpoint, EventFilter } from "./types.ts";

/**
 * How many events a reader meets from the start of the log up to `upTo` (inclusive), filtered as `readAll` filters:
 * the total a replay's progress bar counts towards. `upTo` is a checkpoint a reader got (e.g. `headCheckpoint`), so
 * everything before it is final.
 */
export async function countEvents(store: EventStore, options: { upTo: Checkpoint; filter?: EventFilter }): Promise<number> {
  const { upTo, filter } = options;
  const streamTypes = filter?.streamTypes?.length ? filter.streamTypes.join(",") : null;
  const types = filter?.types?.length ? filter.types.join(",") : null;
  const [row] = await query<{ n: string }>(store.database.db, sql`select count(*) as n from events
    where (tx_id, position) <= (${String(upTo.txId)}::xid8, ${upTo.position}::bigint)
    ${streamTypes ? sql`and stream_type = any(string_to_array(${streamTypes}, ','))` : sql``}
    ${types ? sql`and type = any(string_to_array(${types}, ','))` : sql``}`);
  return Number(row!.n);
}
