import { Suspense } from "react";
import { ProductAdmin } from "~/components/admin/products/product-admin";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export default function AdminProductsPage() {
  prefetch(trpc.admin.products.list.queryOptions());
  return (
    <HydrateClient>
      <h1>Products</h1>
      <p className="muted">Every product, delisted ones too. Each change is a command; the table re-reads the catalog projection once it has applied it.</p>
      <Suspense fallback={<p className="muted"><span className="spinner" aria-hidden /> Loading products…</p>}>
        <ProductAdmin />
      </Suspense>
    </HydrateClient>
  );
}
