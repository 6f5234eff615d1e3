import { Suspense } from "react";
import { OrderDetail } from "~/components/admin/orders/order-detail";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export default async function AdminOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  prefetch(trpc.admin.orders.get.queryOptions({ orderId }));
  return (
    <HydrateClient>
      <Suspense fallback={<p className="muted"><span className="spinner" aria-hidden /> Loading the order…</p>}>
        <OrderDetail orderId={orderId} />
      </Suspense>
    </HydrateClient>
  );
}
