import { and, asc, desc, eq, inArray, lt, lte, or, sql } from "drizzle-orm";
import type { DrizzleDatabase } from "@chronicle/event-store";
import type { ShipmentLine, ShipmentStatus } from "../domain/index.ts";
import { shipments, type ShipmentRow } from "./schema.ts";

export interface ShipmentView {
  shipmentId: string;
  orderId: string;
  status: ShipmentStatus;
  lines: ShipmentLine[];
  carrier: string | null;
  trackingNumber: string | null;
  reason: string | null;
  requestedAt: string | null;
  packedAt: string | null;
  dispatchedAt: string | null;
  deliveredAt: string | null;
  updatedAt: string;
  correlationId: string | null;
}

const iso = (value: string | null) => (value === null ? null : new Date(value).toISOString());

function view(row: ShipmentRow): ShipmentView {
  return {
    ...row,
    status: row.status as ShipmentStatus,
    lines: row.lines as ShipmentLine[],
    requestedAt: iso(row.requestedAt),
    packedAt: iso(row.packedAt),
    dispatchedAt: iso(row.dispatchedAt),
    deliveredAt: iso(row.deliveredAt),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

export async function shipmentsOfOrder(db: DrizzleDatabase, orderId: string): Promise<ShipmentView[]> {
  const rows = await db.select().from(shipments).where(eq(shipments.orderId, orderId)).orderBy(asc(shipments.requestedAt));
  return rows.map(view);
}

/** The shipments of many orders at once (a shopper's order list), keyed by order id. */
export async function shipmentsOfOrders(db: DrizzleDatabase, orderIds: readonly string[]): Promise<ShipmentView[]> {
  if (orderIds.length === 0) return [];
  const rows = await db.select().from(shipments).where(inArray(shipments.orderId, [...orderIds]));
  return rows.map(view);
}

export async function shipmentById(db: DrizzleDatabase, shipmentId: string): Promise<ShipmentView | undefined> {
  const [row] = await db.select().from(shipments).where(eq(shipments.shipmentId, shipmentId));
  return row && view(row);
}

export interface ShipmentPage {
  shipments: ShipmentView[];
  /** Pass as `before` for the next page; null on the last one. */
  next: { updatedAt: string; shipmentId: string } | null;
}

/** Newest first, keyset-paged, optionally one status only: the admin's list. */
export async function listShipments(
  db: DrizzleDatabase,
  options: { status?: ShipmentStatus; limit: number; before?: { updatedAt: string; shipmentId: string } },
): Promise<ShipmentPage> {
  const { status, limit, before } = options;
  const rows = await db
    .select()
    .from(shipments)
    .where(
      and(
        status ? eq(shipments.status, status) : undefined,
        before
          ? or(lt(shipments.updatedAt, before.updatedAt), and(eq(shipments.updatedAt, before.updatedAt), lt(shipments.shipmentId, before.shipmentId)))
          : undefined,
      ),
    )
    .orderBy(desc(shipments.updatedAt), desc(shipments.shipmentId))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(view);
  const last = page.at(-1);
  return { shipments: page, next: rows.length > limit && last ? { updatedAt: last.updatedAt, shipmentId: last.shipmentId } : null };
}

export interface DueWork {
  shipmentId: string;
  step: "pack" | "dispatch" | "deliver";
  /** When it was requested (what its dispatch is timed from), when the read model knows it. */
  requestedAt?: string | null;
}

/**
 * What the warehouse should do now: pack what is requested at once, dispatch what was requested `dispatchDelayMs`
 * ago, deliver what was dispatched `deliveryDelayMs` ago. Oldest first, bounded. With `unchangedForMs`, only
 * shipments whose row has not moved for that long (what nobody has in hand any more).
 */
export async function dueWork(
  db: DrizzleDatabase,
  now: string,
  options: { dispatchDelayMs: number; deliveryDelayMs: number; limit: number; unchangedForMs?: number },
): Promise<DueWork[]> {
  const dispatchBy = new Date(Date.parse(now) - options.dispatchDelayMs).toISOString();
  const deliverBy = new Date(Date.parse(now) - options.deliveryDelayMs).toISOString();
  const settledBy = options.unchangedForMs ? new Date(Date.parse(now) - options.unchangedForMs).toISOString() : undefined;
  const rows = await db
    .select({ shipmentId: shipments.shipmentId, status: shipments.status, requestedAt: shipments.requestedAt })
    .from(shipments)
    .where(
      and(
        or(
          eq(shipments.status, "requested"),
          and(eq(shipments.status, "packed"), lte(shipments.requestedAt, dispatchBy)),
          and(eq(shipments.status, "dispatched"), lte(shipments.dispatchedAt, deliverBy)),
        ),
        settledBy ? lte(shipments.updatedAt, settledBy) : undefined,
      ),
    )
    // Timed steps first (a parcel due to leave must not wait behind new requests to pack), oldest first.
    .orderBy(sql`case when ${shipments.status} = 'requested' then 1 else 0 end`, asc(shipments.updatedAt))
    .limit(options.limit);
  return rows.map((row) => ({
    shipmentId: row.shipmentId,
    step: row.status === "requested" ? "pack" : row.status === "packed" ? "dispatch" : "deliver",
    requestedAt: iso(row.requestedAt),
  }));
}

/** When the next timed step falls due (for the warehouse's sleep), or null when nothing waits. */
export async function nextDueAt(db: DrizzleDatabase, options: { dispatchDelayMs: number; deliveryDelayMs: number }): Promise<number | null> {
  const [row] = await db
    .select({
      dispatch: sql<string | null>`min(${shipments.requestedAt}) filter (where ${shipments.status} = 'packed')`,
      deliver: sql<string | null>`min(${shipments.dispatchedAt}) filter (where ${shipments.status} = 'dispatched')`,
    })
    .from(shipments);
  const times = [
    row?.dispatch ? Date.parse(new Date(row.dispatch).toISOString()) + options.dispatchDelayMs : null,
    row?.deliver ? Date.parse(new Date(row.deliver).toISOString()) + options.deliveryDelayMs : null,
  ].filter((time): time is number => time !== null);
  return times.length === 0 ? null : Math.min(...times);
}
