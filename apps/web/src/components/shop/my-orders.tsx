"use client";
import { useQuery, useSuspenseQuery } from "@tanstack/react-query";
import { formatMoney, formatTime } from "~/components/money";
import { useTRPC } from "~/trpc/react";
import { OPEN_ORDER_STATUSES, type OrderStatus } from "@chronicle/domain";

const WAITING = new Set<string>(OPEN_ORDER_STATUSES);
const explain: Record<OrderStatus, string> = {
  pending: "Reserving stock…",
  confirmed: "Confirmed · preparing shipment…",
  shipped: "On its way…",
  delivered: "Delivered",
  rejected: "Rejected",
  cancelled: "Cancelled",
};

/**
 * The order list follows the order by itself: while any order is still moving (pending, confirmed, shipped),
 * it polls the orders projection; the first read waits for the projection to include the order just placed.
 */
export function MyOrders({ placed, after }: { placed?: string; after?: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(
    trpc.orders.mine.queryOptions(after ? { after } : undefined, {
      refetchInterval: (query) => (query.state.data?.orders.some((o) => WAITING.has(o.status)) || query.state.data?.fresh === false ? 1000 : false),
    }),
  );
  const { data: catalog } = useQuery(trpc.catalog.list.queryOptions());
  const nameOf = (productId: string) => catalog?.find((p) => p.productId === productId)?.name ?? productId;
  if (data.orders.length === 0) return <p className="muted">No orders yet.</p>;
  return (
    <>
      {placed && <div className="notice" role="status">Order {placed} placed. Its status updates here by itself.</div>}
      <table style={{ marginTop: "1rem" }}>
        <thead><tr><th>Order</th><th>Placed</th><th>Lines</th><th>Total</th><th>Status</th></tr></thead>
        <tbody>
          {data.orders.map((order) => (
            <tr key={order.orderId} data-testid={`order-${order.orderId}`}>
              <td className="mono">{order.orderId}</td>
              <td>{formatTime(order.placedAt)}</td>
              <td>{order.lines.map((l) => `${l.quantity} × ${nameOf(l.productId)}`).join(", ")}</td>
              <td>{formatMoney(order.total)}</td>
              <td>
                <span className={`badge ${order.status}`} data-testid="order-status">{order.status}</span>{" "}
                {WAITING.has(order.status) && <span className="muted"><span className="spinner" aria-hidden /> {explain[order.status]}</span>}
                {order.trackingNumber && (
                  <div className="muted" data-testid="order-tracking">
                    {order.carrier ?? "Carrier"} · tracking <span className="mono">{order.trackingNumber}</span>
                  </div>
                )}
                {order.status === "rejected" && order.rejectionReason && <span className="muted"> {order.rejectionReason}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
