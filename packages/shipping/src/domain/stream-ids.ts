/** Shipping's one stream type; its log is its own database, so it never meets the shop's stream ids. */
export const SHIPPING_STREAM_TYPES = ["shipment"] as const;
export type ShippingStreamType = (typeof SHIPPING_STREAM_TYPES)[number];

export const shippingStreamIds = {
  shipment: (shipmentId: string) => `shipment-${shipmentId}`,
};

/**
 * One shipment per order, so the inbox can name it from the order id alone: a redelivered confirmation, or a
 * cancellation that overtakes it, lands on the same stream.
 */
export function shipmentIdForOrder(orderId: string): string {
  return orderId;
}
