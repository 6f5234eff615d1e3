import { redirect } from "next/navigation";
import { Suspense } from "react";
import { CartView } from "~/components/shop/cart-view";
import { currentUser, HydrateClient, prefetch, trpc } from "~/trpc/server";

export default async function CartPage() {
  const user = await currentUser();
  if (!user) redirect("/sign-in");
  prefetch(trpc.cart.get.queryOptions());
  prefetch(trpc.catalog.list.queryOptions());
  return (
    <HydrateClient>
      <h1>Your cart</h1>
      <Suspense fallback={<p className="muted">Loading your cart…</p>}>
        <CartView />
      </Suspense>
    </HydrateClient>
  );
}
