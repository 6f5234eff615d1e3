import type { OrderLine, OrderStatus, OrderSummary } from "@chronicle/domain";
import type { Checkpoint } from "@chronicle/event-store";
import { sql } from "drizzle-orm";
import { provenanceOf, type Provenance } from "../support/provenance.ts";
import { isoUtc } from "./iso.ts";

export type OrderView = OrderSummary & {
  readonly provenance: Provenance;
  /** The OrderPlaced event's place in the log: lists sort by it, and it is the admin list's cursor. */
  readonly placement: Checkpoint;
};

/** The columns every order list selects (from `rm_orders`). */
export const orderColumns = sql`order_id, user_id, status, lines, total_amount, total_currency,
  ${isoUtc(sql`placed_at`)} as placed_at, ${isoUtc(sql`updated_at`)} as updated_at, rejection_reason,
  carrier, tracking_number, placed_tx_id, placed_position, last_event_id, last_tx_id, last_position`;

export interface OrderRow {
  order_id: string;
  user_id: string;
  status: OrderStatus;
  lines: OrderLine[];
  total_amount: unknown;
  total_currency: string;
  placed_at: string;
  updated_at: string;
  rejection_reason: string | null;
  carrier: string | null;
  tracking_number: string | null;
  placed_tx_id: unknown;
  placed_position: unknown;
  last_event_id: string;
  last_tx_id: unknown;
  last_position: unknown;
}

export function toOrderView(row: OrderRow): OrderView {
  return {
    status: row.status,
    orderId: row.order_id,
    userId: row.user_id,
    lines: row.lines,
    total: { amount: Number(row.total_amount), currency: row.total_currency },
    placedAt: row.placed_at,
    updatedAt: row.updated_at,
    rejectionReason: row.rejection_reason,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    provenance: provenanceOf(row),
    placement: { txId: Number(row.placed_tx_id), position: Number(row.placed_position) },
  };
}
