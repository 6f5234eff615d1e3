import { Suspense } from "react";
import { Catalog } from "~/components/shop/catalog";
import { currentUser, HydrateClient, prefetch, trpc } from "~/trpc/server";

export default async function ShopPage() {
  prefetch(trpc.catalog.list.queryOptions());
  const user = await currentUser();
  return (
    <HydrateClient>
      <h1>Shop</h1>
      <p className="muted">Prices and stock come from the catalog projection: a read model kept from the event log.</p>
      <Suspense fallback={<p className="muted">Loading the catalog…</p>}>
        <Catalog canBuy={user?.role === "customer"} />
      </Suspense>
    </HydrateClient>
  );
}
