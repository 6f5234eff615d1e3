import { z } from "zod";
import { MoneySchema, sameMoney } from "../shared/money.ts";
import { messageSchema } from "../shared/message.ts";
import { IdSchema, IsoTimestampSchema, MAX_CART_LINES, ReasonSchema } from "../shared/primitives.ts";
import { OrderLineSchema, totalOf } from "./order-line.ts";

/**
 * The invariants live in the schema itself, so no decider, fixture or stored event can hold an order whose total
 * is not Σ lines, that mixes currencies or that lists a product twice.
 */
const OrderPlacedDataSchema = z
  .object({
    userId: IdSchema,
    orderId: IdSchema,
    lines: z.array(OrderLineSchema).min(1).max(MAX_CART_LINES),
    total: MoneySchema,
    placedAt: IsoTimestampSchema,
  })
  .superRefine((order, ctx) => {
    if (order.lines.some((line) => line.unitPrice.currency !== order.total.currency)) {
      ctx.addIssue({ code: "custom", path: ["lines"], message: "all lines must be in the total's currency" });
    } else if (!sameMoney(order.total, totalOf(order.lines, order.total.currency))) {
      ctx.addIssue({ code: "custom", path: ["total"], message: "total must equal the sum of quantity x unit price" });
    }
    if (new Set(order.lines.map((line) => line.productId)).size !== order.lines.length) {
      ctx.addIssue({ code: "custom", path: ["lines"], message: "a product appears on one line only" });
    }
  });

export const OrderPlacedSchema = messageSchema("OrderPlaced", OrderPlacedDataSchema);
export const OrderConfirmedSchema = messageSchema(
  "OrderConfirmed",
  z.object({ orderId: IdSchema, confirmedAt: IsoTimestampSchema }),
);
export const OrderRejectedSchema = messageSchema(
  "OrderRejected",
  z.object({ orderId: IdSchema, reason: ReasonSchema, rejectedAt: IsoTimestampSchema }),
);
export const OrderCancelledSchema = messageSchema(
  "OrderCancelled",
  z.object({ orderId: IdSchema, cancelledAt: IsoTimestampSchema }),
);
export const OrderShippedSchema = messageSchema(
  "OrderShipped",
  z.object({ orderId: IdSchema, shippedAt: IsoTimestampSchema }),
);

export const OrderEventSchema = z.discriminatedUnion("type", [
  OrderPlacedSchema,
  OrderConfirmedSchema,
  OrderRejectedSchema,
  OrderCancelledSchema,
  OrderShippedSchema,
]);

export type OrderPlaced = z.infer<typeof OrderPlacedSchema>;
export type OrderConfirmed = z.infer<typeof OrderConfirmedSchema>;
export type OrderRejected = z.infer<typeof OrderRejectedSchema>;
export type OrderCancelled = z.infer<typeof OrderCancelledSchema>;
export type OrderShipped = z.infer<typeof OrderShippedSchema>;
export type OrderEvent = z.infer<typeof OrderEventSchema>;
