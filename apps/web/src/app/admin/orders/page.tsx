import { Suspense } from "react";
import { OrderTable } from "~/components/admin/orders/order-table";
import { OrderStatusSchema } from "@chronicle/domain";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Search = Promise<{ status?: string; cursor?: string }>;

export default async function AdminOrdersPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  // An unknown status shows every order rather than an error: the filter is a convenience, not an input.
  const status = OrderStatusSchema.safeParse(params.status).data;
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
