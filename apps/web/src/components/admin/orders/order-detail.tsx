"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatMoney, formatTime } from "~/components/money";
import { Personal } from "~/components/personal";
import { messageOf } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import { streamIds } from "@chronicle/domain";
import { auditHref, eventHref, provenanceHref, timeTravelHref } from "../links";
import { metaText } from "../metadata";
import { OrderStory } from "./order-story";

export function OrderDetail({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.admin.orders.get.queryOptions({ orderId }, { retry: false }));
  if (error) return <div className="alert" role="alert">{messageOf(error)} · <Link href="/admin/orders">All orders</Link></div>;
  if (!data) return <p className="muted"><span className="spinner" aria-hidden /> Loading the order…</p>;
  const { order, history } = data;
  const streamId = streamIds.order(order.orderId);
  return (
    <>
      <p className="muted"><Link href="/admin/orders">Orders</Link> / <span className="mono">{order.orderId}</span></p>
      <h1>Order <span className="mono">{order.orderId}</span> <span className={`badge ${order.status}`}>{order.status}</span></h1>
      <div className="card">
        <dl className="facts">
          <dt>Customer</dt>
          <dd data-testid="order-customer">
            <Link href={`/admin/customers/${encodeURIComponent(order.userId)}`}><Personal value={data.customer?.name} /></Link> <span className="mono muted">{order.userId}</span>
          </dd>
          <dt>Placed</dt><dd>{formatTime(order.placedAt)}</dd>
          <dt>Updated</dt><dd>{formatTime(order.updatedAt)}</dd>
          <dt>Total</dt><dd>{formatMoney(order.total)}</dd>
          {order.rejectionReason && <><dt>Rejected because</dt><dd>{order.rejectionReason}</dd></>}
          {order.trackingNumber && <><dt>Parcel</dt><dd>{order.carrier} · <span className="mono">{order.trackingNumber}</span></dd></>}
        </dl>
        <table style={{ marginTop: ".8rem" }}>
          <thead><tr><th>Product</th><th>Quantity</th><th>Unit price</th></tr></thead>
          <tbody>
            {order.lines.map((l) => (
              <tr key={l.productId}><td className="mono">{l.productId}</td><td>{l.quantity}</td><td>{formatMoney(l.unitPrice)}</td></tr>
            ))}
          </tbody>
        </table>
        <p className="row" style={{ margin: ".8rem 0 0" }}>
          <Link href={timeTravelHref(streamId)}>Time travel through {streamId}</Link>
          <Link href={auditHref({ streamId })}>Its events in the audit log</Link>
          <Link href={provenanceHref("orders", order.orderId)}>Why is this row like this?</Link>
        </p>
      </div>
      <h2>The story across services</h2>
      <OrderStory orderId={order.orderId} />
      <h2>History</h2>
      <table data-testid="order-history">
        <thead><tr><th>Version</th><th>Type</th><th>Recorded</th><th>Actor</th><th>Customer</th><th /></tr></thead>
        <tbody>
          {history.map((e) => (
            <tr key={e.eventId}>
              <td><Link href={timeTravelHref(streamId, e.streamVersion)}>{e.streamVersion}</Link></td>
              <td>{e.type}</td>
              <td>{formatTime(e.recordedAt)}</td>
              <td className="mono">{metaText(e.metadata, "actor") ?? "—"}</td>
              <td>{typeof e.data.userId === "string" ? <Personal value={data.customer?.name} /> : null}</td>
              <td><Link href={eventHref(e.eventId)}>Event</Link></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
