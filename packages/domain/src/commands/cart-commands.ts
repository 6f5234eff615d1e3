import { z } from "zod";
import { messageSchema } from "../shared/message.ts";
import { CartQuantitySchema, IdSchema } from "../shared/primitives.ts";
import { PlaceOrderSchema } from "./order-commands.ts";

/** No price field on purpose: the price always comes from the product's state, never from the client. */
export const AddProductToCartSchema = messageSchema(
  "AddProductToCart",
  z.object({ userId: IdSchema, productId: IdSchema, quantity: CartQuantitySchema }),
);
export const RemoveProductFromCartSchema = messageSchema(
  "RemoveProductFromCart",
  z.object({ userId: IdSchema, productId: IdSchema }),
);
export const ChangeCartItemQuantitySchema = messageSchema(
  "ChangeCartItemQuantity",
  z.object({ userId: IdSchema, productId: IdSchema, quantity: CartQuantitySchema }),
);

/** PlaceOrder is also a cart command: the cart decider answers it with CartCheckedOut (see placeOrder). */
export const CartCommandSchema = z.discriminatedUnion("type", [
  AddProductToCartSchema,
  RemoveProductFromCartSchema,
  ChangeCartItemQuantitySchema,
  PlaceOrderSchema,
]);

export type AddProductToCart = z.infer<typeof AddProductToCartSchema>;
export type RemoveProductFromCart = z.infer<typeof RemoveProductFromCartSchema>;
export type ChangeCartItemQuantity = z.infer<typeof ChangeCartItemQuantitySchema>;
export type CartCommand = z.infer<typeof CartCommandSchema>;
