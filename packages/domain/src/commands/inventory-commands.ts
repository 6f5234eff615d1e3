import { z } from "zod";
import { messageSchema } from "../shared/message.ts";
import { IdSchema, MAX_CART_LINES, StockQuantitySchema } from "../shared/primitives.ts";

/**
 * Issued by the fulfillment process on OrderPlaced. It spans several product streams and is all-or-nothing, so
 * it is decided by `reserveStock` (one atomic multi-stream append), not by a single-stream decider.
 */
export const ReserveStockSchema = messageSchema(
  "ReserveStock",
  z.object({
    orderId: IdSchema,
    lines: z
      .array(z.object({ productId: IdSchema, quantity: StockQuantitySchema }))
      .min(1)
      .max(MAX_CART_LINES)
      .refine((lines) => new Set(lines.map((line) => line.productId)).size === lines.length, {
        message: "one line per product",
      }),
  }),
);

export type ReserveStock = z.infer<typeof ReserveStockSchema>;
