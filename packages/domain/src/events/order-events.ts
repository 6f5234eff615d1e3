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
/** What a confirmation (and a shipment) names of a line: the product and how many, not the price. */
export const ConfirmedLineSchema = z.object({ productId: IdSchema, quantity: z.int().min(1).max(1_000_000) });
export type ConfirmedLine = z.infer<typeof ConfirmedLineSchema>;

/** v1: the original confirmation, naming only the order. */
export const OrderConfirmedV1DataSchema = z.object({ orderId: IdSchema, confirmedAt: IsoTimestampSchema });
/**
 * v2 (current): the confirmation names what was confirmed, so the public `shop.order.confirmed` message can tell
 * shipping what to pack from this one event. `null` for confirmations recorded under v1: not guessed.
 */
export const OrderConfirmedV2DataSchema = z.object({
  orderId: IdSchema,
  lines: z.array(ConfirmedLineSchema).min(1).max(MAX_CART_LINES).nullable(),
  confirmedAt: IsoTimestampSchema,
});
export const OrderConfirmedSchema = messageSchema("OrderConfirmed", OrderConfirmedV2DataSchema);
export const OrderRejectedSchema = messageSchema(
  "OrderRejected",
  z.object({ orderId: IdSchema, reason: ReasonSchema, rejectedAt: IsoTimestampSchema }),
);
export const OrderCancelledSchema = messageSchema(
  "OrderCancelled",
  z.object({ orderId: IdSchema, cancelledAt: IsoTimestampSchema }),
);
/** A carrier's name and its tracking number, as the shipping service hands them over (shown to the shopper). */
export const CarrierSchema = z.string().trim().min(1).max(80);
export const TrackingNumberSchema = z.string().regex(/^[A-Z0-9][A-Z0-9-]{5,39}$/, "a tracking number is 6-40 capital letters, digits or '-'");

/** v1: shipped on the shop's own timer, with no parcel to follow. */
export const OrderShippedV1DataSchema = z.object({ orderId: IdSchema, shippedAt: IsoTimestampSchema });
/** v2 (current): shipped when the shipping service dispatched it; carrier and tracking are null for v1 events. */
export const OrderShippedV2DataSchema = z.object({
  orderId: IdSchema,
  carrier: CarrierSchema.nullable(),
  trackingNumber: TrackingNumberSchema.nullable(),
  shippedAt: IsoTimestampSchema,
});
export const OrderShippedSchema = messageSchema("OrderShipped", OrderShippedV2DataSchema);
/** The shipping service delivered the parcel. */
export const OrderDeliveredSchema = messageSchema(
  "OrderDelivered",
  z.object({ orderId: IdSchema, deliveredAt: IsoTimestampSchema }),
);

export const OrderEventSchema = z.discriminatedUnion("type", [
  OrderPlacedSchema,
  OrderConfirmedSchema,
  OrderRejectedSchema,
  OrderCancelledSchema,
  OrderShippedSchema,
  OrderDeliveredSchema,
]);

export type OrderPlaced = z.infer<typeof OrderPlacedSchema>;
export type OrderConfirmed = z.infer<typeof OrderConfirmedSchema>;
export type OrderRejected = z.infer<typeof OrderRejectedSchema>;
export type OrderCancelled = z.infer<typeof OrderCancelledSchema>;
export type OrderShipped = z.infer<typeof OrderShippedSchema>;
export type OrderDelivered = z.infer<typeof OrderDeliveredSchema>;
export type OrderConfirmedV1Data = z.infer<typeof OrderConfirmedV1DataSchema>;
export type OrderConfirmedV2Data = z.infer<typeof OrderConfirmedV2DataSchema>;
export type OrderShippedV1Data = z.infer<typeof OrderShippedV1DataSchema>;
export type OrderShippedV2Data = z.infer<typeof OrderShippedV2DataSchema>;
export type OrderEvent = z.infer<typeof OrderEventSchema>;
