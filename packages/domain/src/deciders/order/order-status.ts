import { z } from "zod";

/**
 * pending -> confirmed -> shipped -> delivered, or pending -> rejected, or pending | confirmed -> cancelled (before
 * the parcel leaves): the one list every layer uses.
 */
export const ORDER_STATUSES = ["pending", "confirmed", "rejected", "cancelled", "shipped", "delivered"] as const;
export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;
/** An order still moving through fulfillment: the UI follows it until it settles. */
export const OPEN_ORDER_STATUSES: readonly OrderStatus[] = ["pending", "confirmed", "shipped"];
