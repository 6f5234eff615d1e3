import type { OrderCommand } from "../../commands/order-commands.ts";
import { unreachable } from "../../errors/unreachable.ts";
import type { OrderEvent } from "../../events/order-events.ts";
import type { DecideContext } from "../decider.ts";
import { cancelOrder, confirmOrder, markOrderDelivered, rejectOrder, shipOrder } from "./order-decide-lifecycle.ts";
import { placeOrder, type OrderDependencies } from "./order-decide-place.ts";
import type { OrderState } from "./order-state.ts";

export function decideOrder(
  command: OrderCommand,
  state: OrderState,
  context: DecideContext<OrderDependencies>,
): readonly OrderEvent[] {
  const { now } = context.metadata;
  switch (command.type) {
    case "PlaceOrder":
      return placeOrder(command, state, context);
    case "CancelOrder":
      return cancelOrder(command, state, now);
    case "ConfirmOrder":
      return confirmOrder(command, state, now);
    case "RejectOrder":
      return rejectOrder(command, state, now);
    case "ShipOrder":
      return shipOrder(command, state, now);
    case "MarkOrderDelivered":
      return markOrderDelivered(command, state, now);
    default:
      return unreachable(command);
  }
}
