import { sql } from "drizzle-orm";
import { query, type Projection } from "@chronicle/event-store";
import { reactTo } from "./decide-reactions.ts";

/**
 * The process manager's "read" side: it folds order and product events into the commands it will send (the
 * outbox) and what it must remember, in the transaction that moves its checkpoint. Sending is separate
 * (`startOutboxSender`): it never runs a command inside this transaction, which on PGlite (one connection) would
 * wait for itself.
 */
export function fulfillmentProjection(): Projection {
  return {
    name: "fulfillment",
    streamTypes: ["order", "product"],
    tables: ["fulfillment_outbox", "fulfillment_orders"],
    async apply(events, target) {
      const outbox = sql.identifier(target.table("fulfillment_outbox"));
      const orders = sql.identifier(target.table("fulfillment_orders"));
      for (const event of events) {
        const { reactions, memory } = reactTo(event);
        const metadata = JSON.stringify({
          correlationId: event.metadata.correlationId ?? event.eventId,
          causationId: event.eventId,
          actor: "system:fulfillment",
        });
        for (const r of reactions) {
          await target.executor.execute(sql`insert into ${outbox} (command_id, command, metadata, due_at)
            values (${r.commandId}, ${JSON.stringify(r.command)}::jsonb, ${metadata}::jsonb, now() + ${`${r.delayMs} milliseconds`}::interval)
            on conflict (command_id) do nothing`);
        }
        if (memory.remember) {
          await target.executor.execute(sql`insert into ${orders} (order_id, lines) values (${memory.remember.orderId}, ${JSON.stringify(memory.remember.lines)}::jsonb)
            on conflict (order_id) do nothing`);
        }
        if (memory.releaseFor) {
          const [order] = await query<{ lines: { productId: string }[] }>(target.executor, sql`select lines from ${orders} where order_id = ${memory.releaseFor}`);
          for (const line of order?.lines ?? []) {
            const command = { type: "ReleaseStock", data: { productId: line.productId, orderId: memory.releaseFor } };
            await target.executor.execute(sql`insert into ${outbox} (command_id, command, metadata)
              values (${`fulfillment:release:${memory.releaseFor}:${line.productId}`}, ${JSON.stringify(command)}::jsonb, ${metadata}::jsonb)
              on conflict (command_id) do nothing`);
          }
        }
      }
    },
  };
}
