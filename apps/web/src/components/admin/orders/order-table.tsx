"use client";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { formatMoney, formatTime } from "~/components/money";
import { Personal } from "~/components/personal";
import { useTRPC } from "~/trpc/react";
import { timeTravelHref } from "../links";
import { ORDER_STATUSES, streamIds, type OrderStatus } from "@chronicle/domain";
import { ordersHref } from "./orders-href";

export function OrderTable({ status, cursor }: { status?: OrderStatus; cursor?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { data } = useSuspenseQuery(trpc.admin.orders.list.queryOptions({ status, cursor, limit: 25 }));
  // Names come from another projection; until it answers, the ids stand in.
  const { data: customers } = useQuery(trpc.admin.customers.list.queryOptions());
  const nameOf = (userId: string) => customers?.find((c) => c.userId === userId)?.name;
  return (
    <>
      <div className="spread toolbar">
        <label className="row">
          Status
          <select aria-label="Status" value={status ?? ""} onChange={(e) => router.push(ordersHref(e.target.value || undefined))}>
            <option value="">All</option>
            {ORDER_STATUSES.map((s) => <option key={s} value={s}>{s}</option>)}
          </select>
        </label>
        <span className="row">
          {cursor && <Link className="button secondary" href={ordersHref(status)}>« Newest</Link>}
          {data.next && <Link className="button secondary" href={ordersHref(status, data.next)}>Older →</Link>}
        </span>
      </div>
      {data.orders.length === 0 ? <p className="muted">No orders{status ? ` with status ${status}` : ""}.</p> : (
        <table data-testid="admin-orders">
          <thead><tr><th>Order</th><th>Customer</th><th>Placed</th><th>Lines</th><th>Total</th><th>Status</th><th /></tr></thead>
          <tbody>
            {data.orders.map((o) => (
              <tr key={o.orderId}>
                <td className="mono"><Link href={`/admin/orders/${o.orderId}`}>{o.orderId}</Link></td>
                <td>{nameOf(o.userId) !== undefined ? <Personal value={nameOf(o.userId)} /> : <span className="mono">{o.userId}</span>}</td>
                <td>{formatTime(o.placedAt)}</td>
                <td>{o.lines.map((l) => `${l.quantity} × ${l.productId}`).join(", ")}</td>
                <td>{formatMoney(o.total)}</td>
                <td><span className={`badge ${o.status}`}>{o.status}</span></td>
                <td><Link href={timeTravelHref(streamIds.order(o.orderId))}>Time travel</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
