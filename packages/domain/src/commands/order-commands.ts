import { z } from "zod";
import { messageSchema } from "../shared/message.ts";
import { IdSchema, ReasonSchema } from "../shared/primitives.ts";
import { CarrierSchema, TrackingNumberSchema } from "../events/order-events.ts";

/** The order id is the caller's (a UUID from the API, "1001" in the story); lines and prices come from state. */
export const PlaceOrderSchema = messageSchema("PlaceOrder", z.object({ userId: IdSchema, orderId: IdSchema }));
export const CancelOrderSchema = messageSchema("CancelOrder", z.object({ orderId: IdSchema }));
/** ConfirmOrder / RejectOrder are the fulfillment process's (and the admin's) commands. */
export const ConfirmOrderSchema = messageSchema("ConfirmOrder", z.object({ orderId: IdSchema }));
export const RejectOrderSchema = messageSchema("RejectOrder", z.object({ orderId: IdSchema, reason: ReasonSchema }));
/** ShipOrder / MarkOrderDelivered arrive from the shipping service (its public events, turned into commands). */
export const ShipOrderSchema = messageSchema(
  "ShipOrder",
  z.object({ orderId: IdSchema, carrier: CarrierSchema, trackingNumber: TrackingNumberSchema }),
);
export const MarkOrderDeliveredSchema = messageSchema("MarkOrderDelivered", z.object({ orderId: IdSchema }));

export const OrderCommandSchema = z.discriminatedUnion("type", [
  PlaceOrderSchema,
  CancelOrderSchema,
  ConfirmOrderSchema,
  RejectOrderSchema,
  ShipOrderSchema,
  MarkOrderDeliveredSchema,
]);

export type PlaceOrder = z.infer<typeof PlaceOrderSchema>;
export type CancelOrder = z.infer<typeof CancelOrderSchema>;
export type ConfirmOrder = z.infer<typeof ConfirmOrderSchema>;
export type RejectOrder = z.infer<typeof RejectOrderSchema>;
export type ShipOrder = z.infer<typeof ShipOrderSchema>;
export type MarkOrderDelivered = z.infer<typeof MarkOrderDeliveredSchema>;
export type OrderCommand = z.infer<typeof OrderCommandSchema>;
