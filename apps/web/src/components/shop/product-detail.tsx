"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatMoney } from "~/components/money";
import { messageOf } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import { AddToCart } from "./add-to-cart";

export function ProductDetail({ productId, canBuy }: { productId: string; canBuy: boolean }) {
  const trpc = useTRPC();
  const { data: product, error, isPending } = useQuery(trpc.catalog.product.queryOptions({ productId }, { retry: false }));
  if (isPending) return <p className="muted">Loading…</p>;
  if (error) return <div className="alert">{messageOf(error)} · <Link href="/">Back to the shop</Link></div>;
  return (
    <div className="card" style={{ maxWidth: 560 }}>
      <p className="muted"><Link href="/">Shop</Link> / {product.sku}</p>
      <h1>{product.name}</h1>
      <p>{product.description}</p>
      <p className="price">{formatMoney(product.price)}</p>
      <p className="muted">{product.availableStock > 0 ? `${product.availableStock} in stock` : "Sold out"}</p>
      {canBuy ? <AddToCart productId={product.productId} disabled={product.availableStock === 0} /> : <Link href="/sign-in">Sign in to buy</Link>}
    </div>
  );
}
