import { Suspense } from "react";
import { OrderTable } from "~/components/admin/orders/order-table";
import { ORDER_STATUSES, type OrderStatusFilter } from "~/components/admin/orders/order-statuses";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Search = Promise<{ status?: string; cursor?: string }>;

export default async function AdminOrdersPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  // An unknown status shows every order rather than an error: the filter is a convenience, not an input.
  const status = ORDER_STATUSES.find((s) => s === params.status) as OrderStatusFilter | undefined;
  const cursor = params.cursor || undefined;
  prefetch(trpc.admin.orders.list.queryOptions({ status, cursor, limit: 25 }));
  return (
    <HydrateClient>
      <h1>Orders</h1>
      <Suspense fallback={<p className="muted"><span className="spinner" aria-hidden /> Loading orders…</p>}>
        <OrderTable status={status} cursor={cursor} />
      </Suspense>
    </HydrateClient>
  );
}
