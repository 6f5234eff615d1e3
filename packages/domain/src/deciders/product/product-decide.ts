import type { ProductCommand } from "../../commands/product-commands.ts";
import { unreachable } from "../../errors/unreachable.ts";
import type { ProductEvent } from "../../events/product-events.ts";
import { changePrice, delistProduct, listProduct } from "./product-decide-catalog.ts";
import { adjustStock, receiveStock, releaseStock } from "./product-decide-stock.ts";
import type { ProductState } from "./product-state.ts";

export function decideProduct(command: ProductCommand, state: ProductState): readonly ProductEvent[] {
  switch (command.type) {
    case "ListProduct":
      return listProduct(command, state);
    case "ChangePrice":
      return changePrice(command, state);
    case "DelistProduct":
      return delistProduct(command, state);
    case "ReceiveStock":
      return receiveStock(command, state);
    case "AdjustStock":
      return adjustStock(command, state);
    case "ReleaseStock":
      return releaseStock(command, state);
    default:
      return unreachable(command);
  }
}
