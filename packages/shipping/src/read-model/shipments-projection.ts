import { sql } from "drizzle-orm";
import type { Projection, StoredEvent } from "@chronicle/event-store";
import { upcastShipmentEvent, type ShipmentEvent } from "../domain/index.ts";

/**
 * Folds shipping's log into `shipments`, in the transaction that moves its checkpoint. A step for a shipment it has
 * no row for writes nothing, exactly as the decider's evolve ignores it; a cancellation creates the row, as there.
 */
export const shipmentsProjection: Projection = {
  name: "shipments",
  streamTypes: ["shipment"],
  tables: ["shipments"],
  async apply(events, target) {
    const table = sql.identifier(target.table("shipments"));
    // One shipment's statements run in log order; different shipments' run side by side, which the driver
    // pipelines on the transaction's connection: a batch costs about as many round trips as its longest story,
    // not one per event.
    const byShipment = new Map<string, ReturnType<typeof statementFor>[]>();
    for (const stored of events) {
      const event = upcastShipmentEvent(stored);
      const statements = byShipment.get(event.data.shipmentId) ?? [];
      statements.push(statementFor(table, event, stored));
      byShipment.set(event.data.shipmentId, statements);
    }
    const settled = await Promise.allSettled(
      [...byShipment.values()].map(async (statements) => {
        for (const statement of statements) await target.executor.execute(statement);
      }),
    );
    // Every statement has finished before the transaction goes on (to its rollback, when one failed).
    const failed = settled.find((result): result is PromiseRejectedResult => result.status === "rejected");
    if (failed) throw failed.reason;
  },
};

function statementFor(table: ReturnType<typeof sql.identifier>, event: ShipmentEvent, stored: StoredEvent) {
  const { shipmentId, orderId } = event.data;
  const correlationId = typeof stored.metadata.correlationId === "string" ? stored.metadata.correlationId : null;
  switch (event.type) {
    case "ShipmentRequested": {
      const at = event.data.requestedAt;
      return sql`insert into ${table} (shipment_id, order_id, status, lines, requested_at, updated_at, correlation_id)
        values (${shipmentId}, ${orderId}, 'requested', ${JSON.stringify(event.data.lines)}::jsonb, ${at}, ${at}, ${correlationId})
        on conflict (shipment_id) do nothing`;
    }
    case "ShipmentCancelled": {
      const at = event.data.cancelledAt;
      return sql`insert into ${table} (shipment_id, order_id, status, lines, reason, updated_at, correlation_id)
        values (${shipmentId}, ${orderId}, 'cancelled', '[]'::jsonb, ${event.data.reason}, ${at}, ${correlationId})
        on conflict (shipment_id) do update set status = 'cancelled', reason = excluded.reason, updated_at = excluded.updated_at`;
    }
    case "ShipmentPacked":
      return sql`update ${table} set status = 'packed', packed_at = ${event.data.packedAt}, updated_at = ${event.data.packedAt} where shipment_id = ${shipmentId}`;
    case "ShipmentDispatched": {
      const { carrier, trackingNumber, dispatchedAt } = event.data;
      return sql`update ${table} set status = 'dispatched', carrier = ${carrier}, tracking_number = ${trackingNumber},
        dispatched_at = ${dispatchedAt}, updated_at = ${dispatchedAt} where shipment_id = ${shipmentId}`;
    }
    case "ShipmentDelivered":
      return sql`update ${table} set status = 'delivered', delivered_at = ${event.data.deliveredAt}, updated_at = ${event.data.deliveredAt} where shipment_id = ${shipmentId}`;
    case "ShipmentFailed":
      return sql`update ${table} set status = 'failed', reason = ${event.data.reason}, updated_at = ${event.data.failedAt} where shipment_id = ${shipmentId}`;
    default: {
      const unknown: never = event;
      throw new Error(`shipments projection does not know ${(unknown as { type: string }).type}`);
    }
  }
}
