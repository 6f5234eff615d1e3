import { DomainError } from "../errors/domain-error.ts";

export const STREAM_TYPES = ["user", "product", "cart", "order"] as const;
export type StreamType = (typeof STREAM_TYPES)[number];

/** `<type>-<id>`: the event store takes the prefix as the stream type; a cart is keyed by its user. */
export const streamIds = {
  user: (userId: string): `user-${string}` => `user-${userId}`,
  product: (productId: string): `product-${string}` => `product-${productId}`,
  cart: (userId: string): `cart-${string}` => `cart-${userId}`,
  order: (orderId: string): `order-${string}` => `order-${orderId}`,
} as const satisfies Record<StreamType, (id: string) => string>;

/** Splits at the first '-': stream types never contain one, ids (UUIDs) may. */
export function parseStreamId(streamId: string): { streamType: StreamType; id: string } {
  const dash = streamId.indexOf("-");
  const streamType = streamId.slice(0, dash);
  const id = streamId.slice(dash + 1);
  if (dash < 0 || id.length === 0 || !isStreamType(streamType)) {
    throw new DomainError("VALIDATION", `"${streamId}" is not a stream id like user-1, product-101, cart-1 or order-1001`);
  }
  return { streamType, id };
}

export function isStreamType(value: string): value is StreamType {
  return (STREAM_TYPES as readonly string[]).includes(value);
}
