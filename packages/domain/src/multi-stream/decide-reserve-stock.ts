import { ReserveStockSchema, type ReserveStock } from "../commands/inventory-commands.ts";
import { requireProduct, type ProductState } from "../deciders/product/product-state.ts";
import { parseOrThrow } from "../errors/parse.ts";
import { ProductEventSchema, type ProductEvent } from "../events/product-events.ts";
import { lookup } from "../shared/records.ts";
import { streamIds } from "../shared/stream-ids.ts";
import type { StreamEvents } from "./stream-events.ts";

/**
 * All or nothing across the order's products: either every line is reserved (StockReserved on each product
 * stream) or none is, and each product that is short records StockReservationRejected, which the fulfillment
 * process answers with RejectOrder. Stock never goes below zero. A redelivered ReserveStock for an order that
 * already holds its reservation decides nothing. `products` holds the state of every `product-<id>` in the lines.
 */
export function decideReserveStock(
  command: ReserveStock,
  products: Readonly<Record<string, ProductState>>,
): readonly StreamEvents<ProductEvent>[] {
  const { orderId, lines } = parseOrThrow(ReserveStockSchema, command, "ReserveStock command").data;
  const wanted = lines.map(({ productId, quantity }) => ({
    productId,
    product: requireProduct(lookup(products, productId), productId),
    quantity,
  }));
  if (wanted.some(({ product }) => lookup(product.reservations, orderId) !== undefined)) return [];
  const short = wanted.filter(({ product, quantity }) => product.stock < quantity);
  const events: ProductEvent[] =
    short.length > 0
      ? short.map(({ productId, product, quantity }) => ({
          type: "StockReservationRejected",
          data: { productId, orderId, requested: quantity, available: product.stock },
        }))
      : wanted.map(({ productId, quantity }) => ({
          type: "StockReserved",
          data: { productId, orderId, quantity },
        }));
  return events.map((event) => ({
    streamId: streamIds.product(event.data.productId),
    events: [parseOrThrow(ProductEventSchema, event, `decided ${event.type} event (a domain bug)`, "INVARIANT_BROKEN")],
  }));
}
