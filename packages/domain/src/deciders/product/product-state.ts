import { DomainError } from "../../errors/domain-error.ts";
import type { Price } from "../../shared/money.ts";

export interface KnownProduct {
  readonly status: "listed" | "delisted";
  readonly productId: string;
  readonly sku: string;
  readonly name: string;
  readonly description: string;
  readonly price: Price;
  /** Units free to sell: received ± adjusted − reserved + released. Never below zero. */
  readonly stock: number;
  /** Units reserved per order id: what makes reserving and releasing idempotent per order. */
  readonly reservations: Readonly<Record<string, number>>;
}

export type ProductState = { readonly status: "unlisted" } | KnownProduct;

export function initialProductState(): ProductState {
  return { status: "unlisted" };
}

export function requireProduct(state: ProductState | undefined, productId: string): KnownProduct {
  if (state === undefined || state.status === "unlisted") {
    throw new DomainError("NOT_FOUND", `Product ${productId} does not exist`);
  }
  return state;
}
