import type { StreamType } from "../shared/stream-ids.ts";
import type { CartEvent } from "./cart-events.ts";
import type { OrderEvent } from "./order-events.ts";
import type { ProductEvent } from "./product-events.ts";
import type { ShopEvent, ShopEventType } from "./shop-event.ts";
import type { UserEvent } from "./user-events.ts";

/** Which stream type each event lives on; a new event type fails to compile until it is placed here. */
export const EVENT_STREAM_TYPES = {
  UserRegistered: "user",
  UserEmailChanged: "user",
  CustomerForgotten: "user",
  ProductListed: "product",
  ProductPriceChanged: "product",
  ProductDelisted: "product",
  StockReceived: "product",
  StockAdjusted: "product",
  StockReserved: "product",
  StockReservationRejected: "product",
  StockReleased: "product",
  ProductAddedToCart: "cart",
  ProductRemovedFromCart: "cart",
  CartItemQuantityChanged: "cart",
  CartCheckedOut: "cart",
  OrderPlaced: "order",
  OrderConfirmed: "order",
  OrderRejected: "order",
  OrderCancelled: "order",
  OrderShipped: "order",
  OrderDelivered: "order",
} as const satisfies Record<ShopEventType, StreamType>;

export const isUserEvent = (event: ShopEvent): event is UserEvent => EVENT_STREAM_TYPES[event.type] === "user";
export const isProductEvent = (event: ShopEvent): event is ProductEvent => EVENT_STREAM_TYPES[event.type] === "product";
export const isCartEvent = (event: ShopEvent): event is CartEvent => EVENT_STREAM_TYPES[event.type] === "cart";
export const isOrderEvent = (event: ShopEvent): event is OrderEvent => EVENT_STREAM_TYPES[event.type] === "order";
