"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatTime } from "~/components/money";
import { messageOf } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import { auditHref, eventHref } from "../links";

/**
 * The order's story across both services, oldest first: the shop's events (from its log) and shipping's (asked of
 * the shipping service's own API), joined by correlation id. Follows the story while it is still moving.
 */
export function OrderStory({ orderId }: { orderId: string }) {
  const trpc = useTRPC();
  const { data, error } = useQuery(
    trpc.admin.orders.story.queryOptions({ orderId }, {
      retry: false,
      refetchInterval: (query) => (query.state.data?.events.some((e) => e.type === "OrderDelivered" || e.type === "OrderRejected" || e.type === "OrderCancelled") ? false : 2000),
    }),
  );
  if (error) return <div className="alert" role="alert">{messageOf(error)}</div>;
  if (!data) return <p className="muted"><span className="spinner" aria-hidden /> Loading the story…</p>;
  const ids = new Map(data.events.map((e) => [e.eventId, e]));
  return (
    <>
      <p className="muted small">
        Correlation {data.correlationIds.map((id) => <Link key={id} className="mono" href={auditHref({ correlationId: id })}>{id}</Link>)}
        {" "}· each row names the service whose log holds it, and the event that caused it.
      </p>
      {data.shippingError && <div className="alert" role="alert" data-testid="story-shipping-error">Shipping's side is missing: {data.shippingError}</div>}
      <table data-testid="order-story">
        <thead><tr><th>Recorded</th><th>Service</th><th>Event</th><th>Stream</th><th>Caused by</th><th>Actor</th></tr></thead>
        <tbody>
          {data.events.map((e) => {
            const cause = e.causationId ? ids.get(e.causationId) : undefined;
            return (
              <tr key={`${e.service}:${e.eventId}`} data-testid={`story-${e.service}-${e.type}`}>
                <td className="small">{formatTime(e.recordedAt)}</td>
                <td><span className={`badge ${e.service === "shop" ? "confirmed" : "pending"}`}>{e.service}</span></td>
                <td>{e.service === "shop" ? <Link href={eventHref(e.eventId)}>{e.type}</Link> : <strong>{e.type}</strong>}
                  {typeof e.data.trackingNumber === "string" && <div className="mono small">{String(e.data.carrier)} · {e.data.trackingNumber}</div>}</td>
                <td className="mono small">{e.streamId}</td>
                <td className="small">{cause ? `${cause.service}: ${cause.type}` : <span className="muted">{e.causationId ? "a command" : "—"}</span>}</td>
                <td className="mono small">{e.actor ?? "—"}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
