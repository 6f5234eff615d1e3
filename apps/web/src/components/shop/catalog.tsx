"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatMoney } from "~/components/money";
import { useTRPC } from "~/trpc/react";
import { AddToCart } from "./add-to-cart";

export function Catalog({ canBuy }: { canBuy: boolean }) {
  const trpc = useTRPC();
  const { data: products } = useSuspenseQuery(trpc.catalog.list.queryOptions());
  if (products.length === 0) return <p className="muted">No products are listed yet.</p>;
  return (
    <div className="grid">
      {products.map((product) => (
        <div className="card" key={product.productId} data-testid={`product-${product.productId}`}>
          <h3><Link href={`/products/${product.productId}`}>{product.name}</Link></h3>
          <p className="muted">{product.description}</p>
          <div className="spread">
            <span className="price">{formatMoney(product.price)}</span>
            <span className="muted">{product.availableStock > 0 ? `${product.availableStock} in stock` : "Sold out"}</span>
          </div>
          <div style={{ marginTop: ".7rem" }}>
            {canBuy ? <AddToCart productId={product.productId} disabled={product.availableStock === 0} /> : <Link href="/sign-in">Sign in to buy</Link>}
          </div>
        </div>
      ))}
    </div>
  );
}
