// An idempotent consumer in a process of its own, for the crash proofs: each message is applied in one transaction
// with its id recorded in an inbox table, so a redelivered message finds its id and changes nothing.
import { sql } from "drizzle-orm";
import { openDatabase, query } from "@chronicle/event-store";
import { createNatsTransport } from "../nats-transport.ts";
import { report, setting } from "./child.ts";

const database = await openDatabase({ url: setting("PROOF_DATABASE_URL"), poolSize: 10 });
const transport = createNatsTransport({ url: setting("PROOF_NATS_URL"), name: "consumer-proof-child" });
const delayMs = Number(process.env.PROOF_HANDLER_DELAY_MS ?? "0");
let handled = 0;

const consumer = transport.consume(
  { stream: setting("PROOF_STREAM"), durable: setting("PROOF_DURABLE"), ackWaitMs: Number(setting("PROOF_ACK_WAIT_MS")), concurrency: 8, backoffMs: [50] },
  async (message, delivery) => {
    await database.db.execute(sql`insert into proof_deliveries (message_id, attempt) values (${message.id}, ${delivery.attempt})`);
    if (delayMs) await new Promise((resolve) => setTimeout(resolve, delayMs));
    await database.db.transaction(async (tx) => {
      const fresh = await query(tx, sql`insert into proof_inbox (message_id) values (${message.id}) on conflict do nothing returning message_id`);
      const { n } = message.data as { n: number };
      if (fresh.length === 1) await tx.execute(sql`update proof_totals set applied = applied + 1, total = total + ${n}`);
      else await tx.execute(sql`update proof_totals set deduplicated = deduplicated + 1`);
    });
    if (++handled === 1) report({ consuming: true });
  },
);

process.once("SIGTERM", () => {
  void consumer.stop().then(async () => {
    report({ stopped: true, handled });
    await transport.close();
    await database.close();
  });
});
