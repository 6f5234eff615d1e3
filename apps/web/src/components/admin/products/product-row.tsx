"use client";
import Link from "next/link";
import type { RouterOutputs } from "@chronicle/api";
import { formatMoney } from "~/components/money";
import { streamIds } from "@chronicle/domain";
import { provenanceHref, timeTravelHref } from "../links";
import { DelistButton } from "./delist-button";
import type { Receipt } from "./euros";
import { PriceForm } from "./price-form";
import { StockForm } from "./stock-form";

type Product = RouterOutputs["admin"]["products"]["list"]["products"][number];

export function ProductRow({ product, onWritten }: { product: Product; onWritten: (receipt: Receipt) => void }) {
  const listed = product.status === "listed";
  return (
    <tr data-testid={`admin-product-${product.productId}`}>
      <td>
        <strong>{product.name}</strong>
        <div className="muted mono">{product.productId} · {product.sku}</div>
        <div className="row small">
          <Link href={timeTravelHref(streamIds.product(product.productId))}>Time travel</Link>
          <Link href={provenanceHref("catalog", product.productId)}>Provenance</Link>
        </div>
      </td>
      <td data-testid="product-price">{formatMoney(product.price)}</td>
      <td data-testid="product-stock">{product.availableStock}</td>
      <td><span className={`badge ${product.status}`}>{product.status}</span></td>
      <td>{listed && <PriceForm product={product} onWritten={onWritten} />}</td>
      <td>{listed && <StockForm productId={product.productId} onWritten={onWritten} />}</td>
      <td>{listed && <DelistButton productId={product.productId} name={product.name} onWritten={onWritten} />}</td>
    </tr>
  );
}
