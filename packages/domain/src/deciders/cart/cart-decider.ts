import { CartCommandSchema, type CartCommand } from "../../commands/cart-commands.ts";
import { CartEventSchema, type CartEvent } from "../../events/cart-events.ts";
import { streamIds } from "../../shared/stream-ids.ts";
import { defineDecider } from "../define-decider.ts";
import { decideCart, type CartDependencies } from "./cart-decide.ts";
import { evolveCart } from "./cart-evolve.ts";
import { initialCartState, type CartState } from "./cart-state.ts";

export const cartDecider = defineDecider<CartCommand, CartEvent, CartState, CartDependencies>({
  streamType: "cart",
  reducerVersion: 1,
  commandSchema: CartCommandSchema,
  eventSchema: CartEventSchema,
  streamIdOf: (command) => streamIds.cart(command.data.userId),
  initialState: initialCartState,
  evolve: evolveCart,
  decide: decideCart,
});
