import { z } from "zod";
import { IdSchema, IsoTimestampSchema, ReasonSchema, messageSchema } from "@chronicle/domain";

/** What the warehouse packs: product and quantity per line, as the shop's order listed them. */
export const ShipmentLineSchema = z.object({ productId: IdSchema, quantity: z.int().min(1).max(1_000_000) });
export type ShipmentLine = z.infer<typeof ShipmentLineSchema>;

/** A carrier's name and its tracking number: shown to the shopper, so bounded and printable. */
export const CarrierSchema = z.string().trim().min(1).max(80);
export const TrackingNumberSchema = z.string().regex(/^[A-Z0-9][A-Z0-9-]{5,39}$/, "a tracking number is 6-40 capital letters, digits or '-'");

/**
 * Every event names its order as well as its shipment: the integration events that leave this service are keyed
 * by the order (the only id both services know), and a mapping sees one event at a time.
 */
const shipmentRef = { shipmentId: IdSchema, orderId: IdSchema };

export const ShipmentRequestedSchema = messageSchema(
  "ShipmentRequested",
  z
    // Empty when the shop confirmed the order before its confirmations named their lines: packed by order id.
    .object({ ...shipmentRef, lines: z.array(ShipmentLineSchema).max(50), requestedAt: IsoTimestampSchema })
    .refine((data) => new Set(data.lines.map((line) => line.productId)).size === data.lines.length, {
      path: ["lines"],
      message: "a product appears on one line only",
    }),
);
export const ShipmentPackedSchema = messageSchema("ShipmentPacked", z.object({ ...shipmentRef, packedAt: IsoTimestampSchema }));
export const ShipmentDispatchedSchema = messageSchema(
  "ShipmentDispatched",
  z.object({ ...shipmentRef, carrier: CarrierSchema, trackingNumber: TrackingNumberSchema, dispatchedAt: IsoTimestampSchema }),
);
export const ShipmentDeliveredSchema = messageSchema("ShipmentDelivered", z.object({ ...shipmentRef, deliveredAt: IsoTimestampSchema }));
export const ShipmentFailedSchema = messageSchema("ShipmentFailed", z.object({ ...shipmentRef, reason: ReasonSchema, failedAt: IsoTimestampSchema }));
export const ShipmentCancelledSchema = messageSchema("ShipmentCancelled", z.object({ ...shipmentRef, reason: ReasonSchema, cancelledAt: IsoTimestampSchema }));

export const ShipmentEventSchema = z.discriminatedUnion("type", [
  ShipmentRequestedSchema,
  ShipmentPackedSchema,
  ShipmentDispatchedSchema,
  ShipmentDeliveredSchema,
  ShipmentFailedSchema,
  ShipmentCancelledSchema,
]);

export type ShipmentRequested = z.infer<typeof ShipmentRequestedSchema>;
export type ShipmentPacked = z.infer<typeof ShipmentPackedSchema>;
export type ShipmentDispatched = z.infer<typeof ShipmentDispatchedSchema>;
export type ShipmentDelivered = z.infer<typeof ShipmentDeliveredSchema>;
export type ShipmentFailed = z.infer<typeof ShipmentFailedSchema>;
export type ShipmentCancelled = z.infer<typeof ShipmentCancelledSchema>;
export type ShipmentEvent = z.infer<typeof ShipmentEventSchema>;
export type ShipmentEventType = ShipmentEvent["type"];
