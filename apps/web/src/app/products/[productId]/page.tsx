import { Suspense } from "react";
import { ProductDetail } from "~/components/shop/product-detail";
import { currentUser, HydrateClient, prefetchOrNotFound, trpc } from "~/trpc/server";

export default async function ProductPage({ params }: { params: Promise<{ productId: string }> }) {
  const { productId } = await params;
  await prefetchOrNotFound(trpc.catalog.product.queryOptions({ productId }));
  const user = await currentUser();
  return (
    <HydrateClient>
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <ProductDetail productId={productId} canBuy={user?.role === "customer"} />
      </Suspense>
    </HydrateClient>
  );
}
