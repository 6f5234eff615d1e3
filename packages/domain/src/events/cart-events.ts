import { z } from "zod";
import { messageSchema } from "../shared/message.ts";
import { CartQuantitySchema, IdSchema } from "../shared/primitives.ts";

/** The article's shape. No price: an order is priced from the product's state when it is placed. */
export const ProductAddedToCartSchema = messageSchema(
  "ProductAddedToCart",
  z.object({ userId: IdSchema, productId: IdSchema, quantity: CartQuantitySchema }),
);
export const ProductRemovedFromCartSchema = messageSchema(
  "ProductRemovedFromCart",
  z.object({ userId: IdSchema, productId: IdSchema }),
);
/** `quantity` is the line's new quantity, not a difference. */
export const CartItemQuantityChangedSchema = messageSchema(
  "CartItemQuantityChanged",
  z.object({ userId: IdSchema, productId: IdSchema, quantity: CartQuantitySchema }),
);
/**
 * The cart's side of PlaceOrder: appended to `cart-<userId>` in the same atomic append as OrderPlaced on
 * `order-<orderId>` (see placeOrder), so a cart is never both emptied and not ordered, or ordered twice.
 */
export const CartCheckedOutSchema = messageSchema(
  "CartCheckedOut",
  z.object({ userId: IdSchema, orderId: IdSchema }),
);

export const CartEventSchema = z.discriminatedUnion("type", [
  ProductAddedToCartSchema,
  ProductRemovedFromCartSchema,
  CartItemQuantityChangedSchema,
  CartCheckedOutSchema,
]);

export type ProductAddedToCart = z.infer<typeof ProductAddedToCartSchema>;
export type ProductRemovedFromCart = z.infer<typeof ProductRemovedFromCartSchema>;
export type CartItemQuantityChanged = z.infer<typeof CartItemQuantityChangedSchema>;
export type CartCheckedOut = z.infer<typeof CartCheckedOutSchema>;
export type CartEvent = z.infer<typeof CartEventSchema>;
