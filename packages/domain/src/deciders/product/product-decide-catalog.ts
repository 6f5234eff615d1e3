import type { ChangePrice, DelistProduct, ListProduct } from "../../commands/product-commands.ts";
import { DomainError } from "../../errors/domain-error.ts";
import type { ProductEvent } from "../../events/product-events.ts";
import { requireProduct, type ProductState } from "./product-state.ts";

export function listProduct({ data }: ListProduct, state: ProductState): readonly ProductEvent[] {
  if (state.status !== "unlisted") throw new DomainError("ALREADY_EXISTS", `Product ${data.productId} already exists`);
  return [{ type: "ProductListed", data }];
}

export function changePrice({ data }: ChangePrice, state: ProductState): readonly ProductEvent[] {
  const product = requireProduct(state, data.productId);
  if (product.status === "delisted") {
    throw new DomainError("ILLEGAL_STATE", `Product ${data.productId} is delisted; its price cannot change`);
  }
  const unchanged = product.price.amount === data.price.amount && product.price.currency === data.price.currency;
  return unchanged ? [] : [{ type: "ProductPriceChanged", data }];
}

/** Delisting twice is not an error: the product is off sale either way. */
export function delistProduct({ data }: DelistProduct, state: ProductState): readonly ProductEvent[] {
  const product = requireProduct(state, data.productId);
  return product.status === "delisted" ? [] : [{ type: "ProductDelisted", data }];
}
