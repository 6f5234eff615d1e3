"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { useState, useTransition } from "react";
import { useTRPC } from "~/trpc/react";
import type { Receipt } from "./euros";
import { NewProductForm } from "./new-product-form";
import { ProductRow } from "./product-row";

export function ProductAdmin() {
  const trpc = useTRPC();
  // A write returns its checkpoint; reading with `after` waits (bounded) until the catalog has applied it.
  const [after, setAfter] = useState<string | undefined>(undefined);
  const [, startTransition] = useTransition();
  const { data } = useSuspenseQuery(
    trpc.admin.products.list.queryOptions(after ? { after } : undefined, { refetchInterval: (q) => (q.state.data?.fresh === false ? 1000 : false) }),
  );
  // In a transition, the table stays on screen while the re-read is on its way.
  const onWritten = (receipt: Receipt) => startTransition(() => setAfter(receipt.checkpoint ?? undefined));
  return (
    <>
      {!data.fresh && <p className="notice" role="status">Your last change is still on its way into the catalog…</p>}
      {data.products.length === 0 ? <p className="muted">No products yet.</p> : (
        <table data-testid="admin-products">
          <thead><tr><th>Product</th><th>Price</th><th>Stock</th><th>Status</th><th>Change price (EUR)</th><th>Receive stock</th><th /></tr></thead>
          <tbody>
            {listedFirst(data.products).map((p) => <ProductRow key={p.productId} product={p} onWritten={onWritten} />)}
          </tbody>
        </table>
      )}
      <h2>List a new product</h2>
      <NewProductForm onWritten={onWritten} />
    </>
  );
}

/** The catalog sorts by status name ("delisted" < "listed"); the products still on sale belong on top. */
function listedFirst<T extends { status: string }>(products: readonly T[]): T[] {
  return [...products].sort((a, b) => Number(a.status !== "listed") - Number(b.status !== "listed"));
}
