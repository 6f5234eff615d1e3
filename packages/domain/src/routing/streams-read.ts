import type { ShopCommand } from "../commands/shop-command.ts";
import { unreachable } from "../errors/unreachable.ts";
import { streamIds } from "../shared/stream-ids.ts";
import type { ShopStates } from "./route-command.ts";

/**
 * The streams `routeCommand` reads for a command, so that a handler can load them together rather than one after
 * another as the decision asks. A checkout's products are in its cart: given a cart not loaded yet (its initial,
 * empty state) it names the order and the cart, and given the loaded cart its products too. It must name what
 * routeCommand reads (a test holds the two together); naming too little only costs the handler a later load.
 */
export function streamsReadBy(states: Pick<ShopStates, "cart">, command: ShopCommand): string[] {
  switch (command.type) {
    case "RegisterUser":
    case "ChangeUserEmail":
    case "ForgetCustomer":
      return [streamIds.user(command.data.userId)];
    case "ListProduct":
    case "ChangePrice":
    case "DelistProduct":
    case "ReceiveStock":
    case "AdjustStock":
    case "ReleaseStock":
      return [streamIds.product(command.data.productId)];
    case "AddProductToCart":
    case "RemoveProductFromCart":
    case "ChangeCartItemQuantity":
      return [streamIds.cart(command.data.userId), streamIds.product(command.data.productId)];
    case "PlaceOrder":
      return [
        streamIds.order(command.data.orderId),
        streamIds.cart(command.data.userId),
        ...states.cart(command.data.userId).items.map((item) => streamIds.product(item.productId)),
      ];
    case "ReserveStock":
      return command.data.lines.map((line) => streamIds.product(line.productId));
    case "CancelOrder":
    case "ConfirmOrder":
    case "RejectOrder":
    case "ShipOrder":
    case "MarkOrderDelivered":
      return [streamIds.order(command.data.orderId)];
    default:
      return unreachable(command);
  }
}
