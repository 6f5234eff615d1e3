import { catalogReducer, isStreamType, listedProducts, overviewReducer, upcast } from "@chronicle/domain";
import type { EventStore } from "@chronicle/event-store";
import { replay } from "@chronicle/application";

const money = (m: { amount: number; currency: string }) => `${(m.amount / 100).toFixed(2)} ${m.currency}`;

/** What the demo prints: the log itself (the audit view) and two projections replayed from it. */
export async function renderReport(store: EventStore): Promise<string> {
  const lines: string[] = [];
  lines.push("Event log (append-only; the single source of truth)");
  lines.push("  position  stream          version  type                      schema");
  for await (const event of store.readAll()) {
    const upcasted = event.schemaVersion === 1 && event.type === "UserRegistered" ? " (upcast v1 -> v2)" : "";
    lines.push(`  ${String(event.position).padStart(8)}  ${event.streamId.padEnd(14)}  ${String(event.streamVersion).padStart(7)}  ${event.type.padEnd(24)}  v${event.schemaVersion}${upcasted}`);
    // Every shop event must stay readable; the platform's own events (a projection's skip) are not the shop's.
    if (isStreamType(event.streamType)) upcast({ type: event.type, schemaVersion: event.schemaVersion, data: event.data });
  }

  const overview = await replay(store, overviewReducer);
  lines.push("", "The article's overview, replayed from the log");
  lines.push(`  users:  ${overview.users.map((u) => `${u.userId} ${u.name}`).join(", ")}`);
  for (const [userId, items] of Object.entries(overview.carts)) {
    lines.push(`  cart of user ${userId}: ${items.length ? items.map((i) => `${i.quantity} x product ${i.productId}`).join(", ") : "(empty)"}`);
  }
  for (const [userId, orders] of Object.entries(overview.orders)) {
    for (const order of orders) {
      lines.push(`  order ${order.orderId} of user ${userId}: ${order.lines.map((l) => `${l.quantity} x ${l.productId} @ ${money(l.unitPrice)}`).join(", ")} = ${money(order.total)}`);
    }
  }

  const catalog = await replay(store, catalogReducer);
  lines.push("", "Catalog projection");
  for (const product of listedProducts(catalog)) {
    lines.push(`  ${product.productId.padEnd(5)} ${product.name.padEnd(28)} ${money(product.price).padStart(12)}   stock ${product.availableStock}`);
  }
  return lines.join("\n");
}
