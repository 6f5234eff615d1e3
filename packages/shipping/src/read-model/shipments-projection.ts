import { sql, type SQL } from "drizzle-orm";
import type { Projection, StoredEvent } from "@chronicle/event-store";
import { upcastShipmentEvent } from "../domain/index.ts";

/**
 * Folds shipping's log into `shipments`, in the transaction that moves its checkpoint. A step for a shipment it has
 * no row for writes nothing, exactly as the decider's evolve ignores it; a cancellation creates the row, as there.
 *
 * A batch is written in at most three statements, whatever its size: the rows it creates (requests, then
 * cancellations of shipments never requested), then every shipment's later steps folded into one update. The
 * transaction stays short: while it is open, its transaction id holds back every reader of the log below it (the
 * relay that publishes shipping's events among them), so a statement per event made the relay wait for seconds.
 */
export const shipmentsProjection: Projection = {
  name: "shipments",
  streamTypes: ["shipment"],
  tables: ["shipments"],
  async apply(events, target) {
    const table = sql.identifier(target.table("shipments"));
    const { requested, cancelled, updates } = foldBatch(events);
    const run = (statement: SQL) => target.executor.execute(statement);
    if (requested.length > 0) {
      await run(sql`insert into ${table} (shipment_id, order_id, status, lines, requested_at, updated_at, correlation_id)
        select shipment_id, order_id, 'requested', lines, requested_at::timestamptz, requested_at::timestamptz, correlation_id
        from jsonb_to_recordset(${JSON.stringify(requested)}::jsonb)
          as x(shipment_id text, order_id text, lines jsonb, requested_at text, correlation_id text)
        on conflict (shipment_id) do nothing`);
    }
    if (cancelled.length > 0) {
      await run(sql`insert into ${table} (shipment_id, order_id, status, lines, reason, updated_at, correlation_id)
        select shipment_id, order_id, 'cancelled', '[]'::jsonb, reason, updated_at::timestamptz, correlation_id
        from jsonb_to_recordset(${JSON.stringify(cancelled)}::jsonb)
          as x(shipment_id text, order_id text, reason text, updated_at text, correlation_id text)
        on conflict (shipment_id) do update set status = 'cancelled', reason = excluded.reason, updated_at = excluded.updated_at`);
    }
    if (updates.length > 0) {
      // A field a shipment's steps did not touch comes as null and keeps its value (no step sets a field to null).
      await run(sql`update ${table} as s set
          status = coalesce(v.status, s.status),
          carrier = coalesce(v.carrier, s.carrier),
          tracking_number = coalesce(v.tracking_number, s.tracking_number),
          reason = coalesce(v.reason, s.reason),
          packed_at = coalesce(v.packed_at::timestamptz, s.packed_at),
          dispatched_at = coalesce(v.dispatched_at::timestamptz, s.dispatched_at),
          delivered_at = coalesce(v.delivered_at::timestamptz, s.delivered_at),
          updated_at = coalesce(v.updated_at::timestamptz, s.updated_at)
        from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb)
          as v(shipment_id text, status text, carrier text, tracking_number text, reason text,
               packed_at text, dispatched_at text, delivered_at text, updated_at text)
        where s.shipment_id = v.shipment_id`);
    }
  },
};

interface Update {
  shipment_id: string;
  status?: string;
  carrier?: string;
  tracking_number?: string;
  reason?: string;
  packed_at?: string;
  dispatched_at?: string;
  delivered_at?: string;
  updated_at?: string;
}

/**
 * One batch folded per shipment, in log order: its first event may create the row (a request: insert unless it
 * exists; a cancellation: insert, or mark an existing row cancelled), and every later step sets fields, the last
 * one winning — what applying the events one statement at a time would leave.
 */
export function foldBatch(events: readonly StoredEvent[]) {
  const requested: { shipment_id: string; order_id: string; lines: unknown; requested_at: string; correlation_id: string | null }[] = [];
  const cancelled: { shipment_id: string; order_id: string; reason: string; updated_at: string; correlation_id: string | null }[] = [];
  const updates = new Map<string, Update>();
  const created = new Set<string>();
  for (const stored of events) {
    const event = upcastShipmentEvent(stored);
    const { shipmentId, orderId } = event.data;
    const correlationId = typeof stored.metadata.correlationId === "string" ? stored.metadata.correlationId : null;
    // The row's first statement of this batch: nothing created it in this batch and no step touched it yet.
    const first = !created.has(shipmentId) && !updates.has(shipmentId);
    const update = (fields: Omit<Update, "shipment_id">) => updates.set(shipmentId, { ...(updates.get(shipmentId) ?? { shipment_id: shipmentId }), ...fields });
    switch (event.type) {
      case "ShipmentRequested":
        // A request for a row that exists writes nothing, as `on conflict do nothing` did.
        if (first) {
          requested.push({ shipment_id: shipmentId, order_id: orderId, lines: event.data.lines, requested_at: event.data.requestedAt, correlation_id: correlationId });
          created.add(shipmentId);
        }
        break;
      case "ShipmentCancelled":
        if (first) {
          cancelled.push({ shipment_id: shipmentId, order_id: orderId, reason: event.data.reason, updated_at: event.data.cancelledAt, correlation_id: correlationId });
          created.add(shipmentId);
        } else {
          update({ status: "cancelled", reason: event.data.reason, updated_at: event.data.cancelledAt });
        }
        break;
      case "ShipmentPacked":
        update({ status: "packed", packed_at: event.data.packedAt, updated_at: event.data.packedAt });
        break;
      case "ShipmentDispatched":
        update({ status: "dispatched", carrier: event.data.carrier, tracking_number: event.data.trackingNumber, dispatched_at: event.data.dispatchedAt, updated_at: event.data.dispatchedAt });
        break;
      case "ShipmentDelivered":
        update({ status: "delivered", delivered_at: event.data.deliveredAt, updated_at: event.data.deliveredAt });
        break;
      case "ShipmentFailed":
        update({ status: "failed", reason: event.data.reason, updated_at: event.data.failedAt });
        break;
      default: {
        const unknown: never = event;
        throw new Error(`shipments projection does not know ${(unknown as { type: string }).type}`);
      }
    }
  }
  return { requested, cancelled, updates: [...updates.values()] };
}
