import type { ShopCommand } from "../commands/shop-command.ts";
import { unreachable } from "../errors/unreachable.ts";
import { streamIds } from "../shared/stream-ids.ts";

/**
 * The stream a command is mainly about — the one two copies of it would race for (a cart for every cart command
 * and the checkout, an order for its lifecycle and its stock reservation). A process can run the commands of one
 * stream one after another instead of letting them collide and retry.
 */
export function commandStreamOf(command: ShopCommand): string {
  switch (command.type) {
    case "RegisterUser":
    case "ChangeUserEmail":
    case "ForgetCustomer":
      return streamIds.user(command.data.userId);
    case "ListProduct":
    case "ChangePrice":
    case "DelistProduct":
    case "ReceiveStock":
    case "AdjustStock":
    case "ReleaseStock":
      return streamIds.product(command.data.productId);
    case "AddProductToCart":
    case "RemoveProductFromCart":
    case "ChangeCartItemQuantity":
    case "PlaceOrder":
      return streamIds.cart(command.data.userId);
    case "ReserveStock":
    case "CancelOrder":
    case "ConfirmOrder":
    case "RejectOrder":
    case "ShipOrder":
    case "MarkOrderDelivered":
      return streamIds.order(command.data.orderId);
    default:
      return unreachable(command);
  }
}
