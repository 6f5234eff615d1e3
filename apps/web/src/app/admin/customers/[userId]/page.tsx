import { Suspense } from "react";
import { CustomerDetail } from "~/components/admin/customers/customer-detail";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export default async function CustomerPage({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  prefetch(trpc.admin.customers.get.queryOptions({ userId }));
  return (
    <HydrateClient>
      <Suspense fallback={<p className="muted"><span className="spinner" aria-hidden /> Loading the customer…</p>}>
        <CustomerDetail userId={userId} />
      </Suspense>
    </HydrateClient>
  );
}
