import { z } from "zod";
import { CartEventSchema, type CartEvent } from "./cart-events.ts";
import { OrderEventSchema, type OrderEvent } from "./order-events.ts";
import { ProductEventSchema, type ProductEvent } from "./product-events.ts";
import { UserEventSchema, type UserEvent } from "./user-events.ts";

/** Every current-version event of the shop, discriminated by `type`. */
export const ShopEventSchema = z.discriminatedUnion("type", [
  ...UserEventSchema.options,
  ...ProductEventSchema.options,
  ...CartEventSchema.options,
  ...OrderEventSchema.options,
]);

export type ShopEvent = UserEvent | ProductEvent | CartEvent | OrderEvent;
export type ShopEventType = ShopEvent["type"];
export type EventOfType<T extends ShopEventType> = Extract<ShopEvent, { type: T }>;
