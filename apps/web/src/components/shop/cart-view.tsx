"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { formatMoney } from "~/components/money";
import { messageOf, newCommandId } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";

export function CartView() {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  // A write returns its checkpoint; the next read waits (bounded) until the carts projection has applied it.
  const [after, setAfter] = useState<string | undefined>(undefined);
  const { data: cart } = useSuspenseQuery(trpc.cart.get.queryOptions(after ? { after } : undefined));
  const { data: catalog } = useSuspenseQuery(trpc.catalog.list.queryOptions());
  const orderId = useRef(newCommandId());
  const onWrite = { onSuccess: (receipt: { checkpoint: string | null }) => setAfter(receipt.checkpoint ?? undefined) };
  const change = useMutation(trpc.cart.changeQuantity.mutationOptions(onWrite));
  const remove = useMutation(trpc.cart.remove.mutationOptions(onWrite));
  const checkout = useMutation(
    trpc.orders.checkout.mutationOptions({
      onSuccess: async (receipt) => {
        await queryClient.invalidateQueries({ queryKey: trpc.cart.get.queryKey() });
        router.push(`/orders?placed=${receipt.orderId}${receipt.checkpoint ? `&after=${receipt.checkpoint}` : ""}`);
      },
    }),
  );
  const byId = new Map(catalog.map((p) => [p.productId, p]));
  const lines = cart.items.map((item) => ({ ...item, product: byId.get(item.productId) }));
  const currency = lines[0]?.product?.price.currency ?? "EUR";
  const total = lines.reduce((sum, l) => sum + (l.product?.price.amount ?? 0) * l.quantity, 0);
  const error = change.error ?? remove.error ?? checkout.error;

  if (lines.length === 0) {
    return <p className="muted" data-testid="cart-empty">Your cart is empty. <Link href="/">Browse the shop</Link>.</p>;
  }
  return (
    <>
      <table data-testid="cart">
        <thead><tr><th>Product</th><th>Unit price</th><th>Quantity</th><th>Subtotal</th><th /></tr></thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.productId} data-testid={`cart-line-${line.productId}`}>
              <td>{line.product?.name ?? line.productId}</td>
              <td>{line.product ? formatMoney(line.product.price) : "—"}</td>
              <td>
                <select
                  aria-label={`Quantity of ${line.product?.name ?? line.productId}`}
                  value={line.quantity}
                  disabled={change.isPending}
                  onChange={(e) => change.mutate({ productId: line.productId, quantity: Number(e.target.value), commandId: newCommandId() })}
                >
                  {Array.from({ length: Math.max(10, line.quantity) }, (_, i) => i + 1).map((q) => <option key={q} value={q}>{q}</option>)}
                </select>
              </td>
              <td>{line.product ? formatMoney({ amount: line.product.price.amount * line.quantity, currency }) : "—"}</td>
              <td><button className="secondary" disabled={remove.isPending} onClick={() => remove.mutate({ productId: line.productId, commandId: newCommandId() })}>Remove</button></td>
            </tr>
          ))}
        </tbody>
      </table>
      {!cart.fresh && <p className="muted">Your last change is still on its way into the cart view…</p>}
      {error && <div className="alert" role="alert" style={{ marginTop: "1rem" }}>{messageOf(error)}</div>}
      <div className="spread" style={{ marginTop: "1rem" }}>
        <span className="price" data-testid="cart-total">Total {formatMoney({ amount: total, currency })}</span>
        <button onClick={() => checkout.mutate({ orderId: orderId.current })} disabled={checkout.isPending}>
          {checkout.isPending ? "Placing the order…" : "Place order"}
        </button>
      </div>
      <p className="muted">Prices are taken from the catalog when the order is placed; stock is reserved by the fulfillment process right after.</p>
    </>
  );
}
