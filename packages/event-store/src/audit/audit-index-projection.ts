import { sql } from "drizzle-orm";
import type { Projection } from "../runner/types.ts";

export const AUDIT_INDEX = "audit_index";

const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * The audit log's filter index: one row per event with the fields people filter by. A projection like any other
 * (checkpointed, rebuildable, one leader), so appends never pay for the audit log's indexes. Generic: it reads only
 * the envelope and the standard metadata keys (actor, correlationId, causationId), never an event's data.
 */
export const auditIndexProjection: Projection = {
  name: AUDIT_INDEX,
  tables: [AUDIT_INDEX],
  async apply(events, target) {
    const rows = events.map((e) => ({
      tx_id: String(e.txId),
      position: e.position,
      type: e.type,
      stream_id: e.streamId,
      actor: text(e.metadata.actor),
      correlation_id: text(e.metadata.correlationId),
      causation_id: text(e.metadata.causationId),
      recorded_at: e.recordedAt,
    }));
    // One statement per batch; JSON carries any text safely through both drivers.
    await target.executor.execute(sql`insert into ${sql.identifier(target.table(AUDIT_INDEX))}
      (tx_id, position, type, stream_id, actor, correlation_id, causation_id, recorded_at)
      select tx_id::xid8, position, type, stream_id, actor, correlation_id, causation_id, recorded_at
      from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as r(tx_id text, position bigint, type text, stream_id text,
        actor text, correlation_id text, causation_id text, recorded_at timestamptz)
      on conflict do nothing`);
  },
};
