import { OrderDetail } from "~/components/admin/orders/order-detail";
import { HydrateClient, prefetchOrNotFound, trpc } from "~/trpc/server";

export default async function AdminOrderPage({ params }: { params: Promise<{ orderId: string }> }) {
  const { orderId } = await params;
  // Awaited, unlike the list pages: an unknown or malformed id answers 404. Another failed query is not sent to the
  // client, which then asks itself and shows the server's own message (a server-side error would reach it redacted).
  await prefetchOrNotFound(trpc.admin.orders.get.queryOptions({ orderId }));
  return (
    <HydrateClient>
      <OrderDetail orderId={orderId} />
    </HydrateClient>
  );
}
