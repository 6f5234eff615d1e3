import { z } from "zod";
import { IdSchema, ReasonSchema, messageSchema } from "@chronicle/domain";
import { CarrierSchema, ShipmentLineSchema, TrackingNumberSchema } from "./shipment-events.ts";

/** The shop confirmed an order: ship its lines. Sent by the inbox for `shop.order.confirmed.v1`. */
export const RequestShipmentSchema = messageSchema(
  "RequestShipment",
  z.object({ shipmentId: IdSchema, orderId: IdSchema, lines: z.array(ShipmentLineSchema).max(50) }),
);
/** The warehouse's own steps, sent by its process (and an operator): pack, hand to a carrier, delivered. */
export const PackShipmentSchema = messageSchema("PackShipment", z.object({ shipmentId: IdSchema }));
export const DispatchShipmentSchema = messageSchema(
  "DispatchShipment",
  z.object({ shipmentId: IdSchema, carrier: CarrierSchema, trackingNumber: TrackingNumberSchema }),
);
export const DeliverShipmentSchema = messageSchema("DeliverShipment", z.object({ shipmentId: IdSchema }));
export const FailShipmentSchema = messageSchema("FailShipment", z.object({ shipmentId: IdSchema, reason: ReasonSchema }));
/** The shop cancelled the order (`shop.order.cancelled.v1`): stop the shipment unless it has left. */
export const CancelShipmentSchema = messageSchema(
  "CancelShipment",
  z.object({ shipmentId: IdSchema, orderId: IdSchema, reason: ReasonSchema }),
);

export const ShipmentCommandSchema = z.discriminatedUnion("type", [
  RequestShipmentSchema,
  PackShipmentSchema,
  DispatchShipmentSchema,
  DeliverShipmentSchema,
  FailShipmentSchema,
  CancelShipmentSchema,
]);

export type RequestShipment = z.infer<typeof RequestShipmentSchema>;
export type PackShipment = z.infer<typeof PackShipmentSchema>;
export type DispatchShipment = z.infer<typeof DispatchShipmentSchema>;
export type DeliverShipment = z.infer<typeof DeliverShipmentSchema>;
export type FailShipment = z.infer<typeof FailShipmentSchema>;
export type CancelShipment = z.infer<typeof CancelShipmentSchema>;
export type ShipmentCommand = z.infer<typeof ShipmentCommandSchema>;
