import { ProductCommandSchema, type ProductCommand } from "../../commands/product-commands.ts";
import { ProductEventSchema, type ProductEvent } from "../../events/product-events.ts";
import { streamIds } from "../../shared/stream-ids.ts";
import { defineDecider } from "../define-decider.ts";
import { decideProduct } from "./product-decide.ts";
import { evolveProduct } from "./product-evolve.ts";
import { initialProductState, type ProductState } from "./product-state.ts";

/**
 * SKU uniqueness across products needs a read model of the catalog, so the API checks it (unique index on the
 * catalog projection). ReserveStock spans several products and is decided by `reserveStock`.
 */
export const productDecider = defineDecider<ProductCommand, ProductEvent, ProductState>({
  streamType: "product",
  reducerVersion: 1,
  commandSchema: ProductCommandSchema,
  eventSchema: ProductEventSchema,
  streamIdOf: (command) => streamIds.product(command.data.productId),
  initialState: initialProductState,
  evolve: evolveProduct,
  decide: (command, state) => decideProduct(command, state),
});
