import type { AdjustStock, ReceiveStock, ReleaseStock } from "../../commands/product-commands.ts";
import { DomainError } from "../../errors/domain-error.ts";
import type { ProductEvent } from "../../events/product-events.ts";
import { MAX_STOCK_LEVEL } from "../../shared/primitives.ts";
import { lookup } from "../../shared/records.ts";
import { requireProduct, type ProductState } from "./product-state.ts";

export function receiveStock({ data }: ReceiveStock, state: ProductState): readonly ProductEvent[] {
  const product = requireProduct(state, data.productId);
  ensureWithinLimit(product.stock + data.quantity, data.productId);
  return [{ type: "StockReceived", data }];
}

/** Stock never goes below zero: an adjustment may not take away units that are not there (or are reserved). */
export function adjustStock({ data }: AdjustStock, state: ProductState): readonly ProductEvent[] {
  const product = requireProduct(state, data.productId);
  const next = product.stock + data.delta;
  if (next < 0) {
    throw new DomainError(
      "INSUFFICIENT_STOCK",
      `Product ${data.productId} has ${product.stock} units free; cannot remove ${-data.delta}`,
    );
  }
  ensureWithinLimit(next, data.productId);
  return [{ type: "StockAdjusted", data }];
}

/** Releasing what was never reserved (or was released already) changes nothing: the process may retry. */
export function releaseStock({ data }: ReleaseStock, state: ProductState): readonly ProductEvent[] {
  const product = requireProduct(state, data.productId);
  const quantity = lookup(product.reservations, data.orderId);
  if (quantity === undefined) return [];
  return [{ type: "StockReleased", data: { productId: data.productId, orderId: data.orderId, quantity } }];
}

function ensureWithinLimit(level: number, productId: string): void {
  if (level > MAX_STOCK_LEVEL) {
    throw new DomainError("ILLEGAL_STATE", `Product ${productId} would hold more than ${MAX_STOCK_LEVEL} units`);
  }
}
