import type { z } from "zod";
import {
  ProductDelistedSchema,
  ProductListedSchema,
  ProductPriceChangedSchema,
  StockAdjustedSchema,
  StockReceivedSchema,
} from "./catalog-events.ts";
import {
  CartCheckedOutSchema,
  CartItemQuantityChangedSchema,
  ProductAddedToCartSchema,
  ProductRemovedFromCartSchema,
} from "./cart-events.ts";
import { StockReleasedSchema, StockReservationRejectedSchema, StockReservedSchema } from "./inventory-events.ts";
import {
  OrderCancelledSchema,
  OrderConfirmedV1DataSchema,
  OrderConfirmedV2DataSchema,
  OrderDeliveredSchema,
  OrderPlacedSchema,
  OrderRejectedSchema,
  OrderShippedV1DataSchema,
  OrderShippedV2DataSchema,
} from "./order-events.ts";
import type { ShopEventType } from "./shop-event.ts";
import { upcastOrderConfirmedV1, upcastOrderShippedV1, upcastUserRegisteredV1 } from "./upcasters.ts";
import { CustomerForgottenSchema, UserEmailChangedSchema, UserRegisteredV1DataSchema, UserRegisteredV2DataSchema } from "./user-events.ts";

/**
 * For each event type: its current schema version, the data schema of every version ever written, and an
 * upcaster from each old version to the next. `upcasters[n]` turns version n into n + 1 (`never` input: each one
 * takes its own version's data, checked by that version's schema before it runs).
 */
export interface EventTypeEntry {
  readonly currentVersion: number;
  readonly versions: Readonly<Record<number, z.ZodType>>;
  readonly upcasters: Readonly<Record<number, (data: never) => unknown>>;
  /**
   * The field of the data holding the id of the person (data subject) the event is about, if it is about one:
   * their personal fields are encrypted with that person's key, and their export lists the event.
   */
  readonly subjectField?: string;
}

function onlyVersion1(schema: { shape: { data: z.ZodType } }, subjectField?: string): EventTypeEntry {
  return { currentVersion: 1, versions: { 1: schema.shape.data }, upcasters: {}, ...(subjectField ? { subjectField } : {}) };
}

/** `satisfies Record<ShopEventType, …>`: a new event type fails to compile until it is registered here. */
export const eventRegistry = {
  UserRegistered: {
    currentVersion: 2,
    versions: { 1: UserRegisteredV1DataSchema, 2: UserRegisteredV2DataSchema },
    upcasters: { 1: upcastUserRegisteredV1 },
    subjectField: "userId",
  },
  UserEmailChanged: onlyVersion1(UserEmailChangedSchema, "userId"),
  CustomerForgotten: onlyVersion1(CustomerForgottenSchema, "userId"),
  ProductListed: onlyVersion1(ProductListedSchema),
  ProductPriceChanged: onlyVersion1(ProductPriceChangedSchema),
  ProductDelisted: onlyVersion1(ProductDelistedSchema),
  StockReceived: onlyVersion1(StockReceivedSchema),
  StockAdjusted: onlyVersion1(StockAdjustedSchema),
  StockReserved: onlyVersion1(StockReservedSchema),
  StockReservationRejected: onlyVersion1(StockReservationRejectedSchema),
  StockReleased: onlyVersion1(StockReleasedSchema),
  ProductAddedToCart: onlyVersion1(ProductAddedToCartSchema, "userId"),
  ProductRemovedFromCart: onlyVersion1(ProductRemovedFromCartSchema, "userId"),
  CartItemQuantityChanged: onlyVersion1(CartItemQuantityChangedSchema, "userId"),
  CartCheckedOut: onlyVersion1(CartCheckedOutSchema, "userId"),
  OrderPlaced: onlyVersion1(OrderPlacedSchema, "userId"),
  OrderConfirmed: {
    currentVersion: 2,
    versions: { 1: OrderConfirmedV1DataSchema, 2: OrderConfirmedV2DataSchema },
    upcasters: { 1: upcastOrderConfirmedV1 },
  },
  OrderRejected: onlyVersion1(OrderRejectedSchema),
  OrderCancelled: onlyVersion1(OrderCancelledSchema),
  OrderShipped: {
    currentVersion: 2,
    versions: { 1: OrderShippedV1DataSchema, 2: OrderShippedV2DataSchema },
    upcasters: { 1: upcastOrderShippedV1 },
  },
  OrderDelivered: onlyVersion1(OrderDeliveredSchema),
} as const satisfies Record<ShopEventType, EventTypeEntry>;

export const EVENT_TYPES = Object.keys(eventRegistry) as readonly ShopEventType[];

export function isShopEventType(type: unknown): type is ShopEventType {
  return typeof type === "string" && Object.hasOwn(eventRegistry, type);
}

/** The version the store must write next to a freshly decided event of this type. */
export function currentSchemaVersion(type: ShopEventType): number {
  return eventRegistry[type].currentVersion;
}
