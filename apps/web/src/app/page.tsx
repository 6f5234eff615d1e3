import { Suspense } from "react";
import { Catalog } from "~/components/shop/catalog";
import { currentUser, HydrateClient, prefetch, trpc } from "~/trpc/server";

export default async function ShopPage({ searchParams }: { searchParams: Promise<{ account?: string }> }) {
  prefetch(trpc.catalog.list.queryOptions());
  const user = await currentUser();
  const { account } = await searchParams;
  return (
    <HydrateClient>
      {account === "deleted" && !user && (
        <p className="card" role="status" data-testid="account-deleted">Your account is deleted and your personal data erased.</p>
      )}
      <h1>Shop</h1>
      <p className="muted">Prices and stock come from the catalog projection: a read model kept from the event log.</p>
      <Suspense fallback={<p className="muted">Loading the catalog…</p>}>
        <Catalog canBuy={user?.role === "customer"} />
      </Suspense>
    </HydrateClient>
  );
}
