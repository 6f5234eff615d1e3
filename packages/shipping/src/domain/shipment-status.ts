import { z } from "zod";

/**
 * requested → packed → dispatched → delivered; requested | packed → cancelled (the order was cancelled before the
 * parcel left); requested | packed | dispatched → failed. The one list every layer of shipping uses.
 */
export const SHIPMENT_STATUSES = ["requested", "packed", "dispatched", "delivered", "failed", "cancelled"] as const;
export const ShipmentStatusSchema = z.enum(SHIPMENT_STATUSES);
export type ShipmentStatus = z.infer<typeof ShipmentStatusSchema>;
/** Still moving: the warehouse has work to do on it. */
export const OPEN_SHIPMENT_STATUSES: readonly ShipmentStatus[] = ["requested", "packed", "dispatched"];
