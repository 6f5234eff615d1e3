import { redirect } from "next/navigation";
import { Suspense } from "react";
import { MyOrders } from "~/components/shop/my-orders";
import { currentUser, HydrateClient, prefetch, trpc } from "~/trpc/server";

export default async function OrdersPage({ searchParams }: { searchParams: Promise<{ placed?: string; after?: string }> }) {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  const { placed, after } = await searchParams;
  // The same input the list uses: right after a checkout the server waits (bounded) for the order to be projected.
  prefetch(trpc.orders.mine.queryOptions(after ? { after } : undefined));
  return (
    <HydrateClient>
      <h1>My orders</h1>
      <Suspense fallback={<p className="muted">Loading your orders…</p>}>
        <MyOrders placed={placed} after={after} />
      </Suspense>
    </HydrateClient>
  );
}
