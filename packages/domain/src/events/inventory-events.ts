import { z } from "zod";
import { messageSchema } from "../shared/message.ts";
import { IdSchema, StockLevelSchema, StockQuantitySchema } from "../shared/primitives.ts";

/**
 * Inventory reacts to orders, but stock belongs to a product, so these events live on the product stream
 * (`product-<id>`). They carry the order id so that reserving and releasing are idempotent per order.
 */
export const StockReservedSchema = messageSchema(
  "StockReserved",
  z.object({ productId: IdSchema, orderId: IdSchema, quantity: StockQuantitySchema }),
);
/** A fact, not an error: the fulfillment process reacts to it by rejecting the order. */
export const StockReservationRejectedSchema = messageSchema(
  "StockReservationRejected",
  z.object({ productId: IdSchema, orderId: IdSchema, requested: StockQuantitySchema, available: StockLevelSchema }),
);
export const StockReleasedSchema = messageSchema(
  "StockReleased",
  z.object({ productId: IdSchema, orderId: IdSchema, quantity: StockQuantitySchema }),
);

export const InventoryEventSchema = z.discriminatedUnion("type", [
  StockReservedSchema,
  StockReservationRejectedSchema,
  StockReleasedSchema,
]);

export type StockReserved = z.infer<typeof StockReservedSchema>;
export type StockReservationRejected = z.infer<typeof StockReservationRejectedSchema>;
export type StockReleased = z.infer<typeof StockReleasedSchema>;
export type InventoryEvent = z.infer<typeof InventoryEventSchema>;
