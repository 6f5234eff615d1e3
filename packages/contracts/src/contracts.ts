import { z } from "zod";
import { IdSchema } from "@chronicle/domain";

/**
 * The public events, one schema per contract version. They are deliberately not the internal domain events: a
 * service may change its own events at will (with upcasters), but a contract, once released, changes only by a new
 * version (`….v2`) published next to the old one while receivers move over. Golden fixtures hold every version.
 */
const Timestamp = z.iso.datetime();
const Line = z.object({ productId: IdSchema, quantity: z.int().min(1).max(1_000_000) });

export const ShopOrderConfirmedV1 = z.object({
  orderId: IdSchema,
  /** Empty for an order confirmed before confirmations named their lines (the shop's OrderConfirmed v1). */
  lines: z.array(Line).max(50),
  confirmedAt: Timestamp,
});
export const ShopOrderCancelledV1 = z.object({ orderId: IdSchema, cancelledAt: Timestamp });
export const ShippingShipmentDispatchedV1 = z.object({
  shipmentId: IdSchema,
  orderId: IdSchema,
  carrier: z.string().trim().min(1).max(80),
  trackingNumber: z.string().regex(/^[A-Z0-9][A-Z0-9-]{5,39}$/),
  dispatchedAt: Timestamp,
});
export const ShippingShipmentDeliveredV1 = z.object({ shipmentId: IdSchema, orderId: IdSchema, deliveredAt: Timestamp });
export const ShippingShipmentCancelledV1 = z.object({ shipmentId: IdSchema, orderId: IdSchema, reason: z.string().min(1).max(500), cancelledAt: Timestamp });

/** Every contract by its name: the name is the message's `type` and the first tokens of its subject. */
export const CONTRACTS = {
  "shop.order.confirmed.v1": ShopOrderConfirmedV1,
  "shop.order.cancelled.v1": ShopOrderCancelledV1,
  "shipping.shipment.dispatched.v1": ShippingShipmentDispatchedV1,
  "shipping.shipment.delivered.v1": ShippingShipmentDeliveredV1,
  "shipping.shipment.cancelled.v1": ShippingShipmentCancelledV1,
} as const;

export type ContractName = keyof typeof CONTRACTS;
export type ContractData<N extends ContractName> = z.infer<(typeof CONTRACTS)[N]>;
export const CONTRACT_NAMES = Object.keys(CONTRACTS) as readonly ContractName[];

export function isContractName(name: unknown): name is ContractName {
  return typeof name === "string" && Object.hasOwn(CONTRACTS, name);
}
