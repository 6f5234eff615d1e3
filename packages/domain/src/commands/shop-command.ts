import { z } from "zod";
import { parseOrThrow } from "../errors/parse.ts";
import { AddProductToCartSchema, ChangeCartItemQuantitySchema, RemoveProductFromCartSchema } from "./cart-commands.ts";
import { ReserveStockSchema } from "./inventory-commands.ts";
import { OrderCommandSchema } from "./order-commands.ts";
import { ProductCommandSchema } from "./product-commands.ts";
import { UserCommandSchema } from "./user-commands.ts";

/** Every command of the shop, each type once (PlaceOrder belongs to both the cart and the order decider). */
export const ShopCommandSchema = z.discriminatedUnion("type", [
  ...UserCommandSchema.options,
  ...ProductCommandSchema.options,
  ReserveStockSchema,
  AddProductToCartSchema,
  RemoveProductFromCartSchema,
  ChangeCartItemQuantitySchema,
  ...OrderCommandSchema.options,
]);

export type ShopCommand = z.infer<typeof ShopCommandSchema>;
export type ShopCommandType = ShopCommand["type"];
export type CommandOfType<T extends ShopCommandType> = Extract<ShopCommand, { type: T }>;

/** Untrusted input (a queue message, a script) -> a typed command, or a VALIDATION error listing zod's issues. */
export function parseCommand(command: unknown): ShopCommand {
  return parseOrThrow(ShopCommandSchema, command, "command");
}
