import { OrderCommandSchema, type OrderCommand } from "../../commands/order-commands.ts";
import { OrderEventSchema, type OrderEvent } from "../../events/order-events.ts";
import { streamIds } from "../../shared/stream-ids.ts";
import { defineDecider } from "../define-decider.ts";
import { decideOrder } from "./order-decide.ts";
import type { OrderDependencies } from "./order-decide-place.ts";
import { evolveOrder } from "./order-evolve.ts";
import { initialOrderState, type OrderState } from "./order-state.ts";

/** Who may cancel which order is authorization, checked by the API before the command reaches this decider. */
export const orderDecider = defineDecider<OrderCommand, OrderEvent, OrderState, OrderDependencies>({
  streamType: "order",
  // 2: the state keeps the parcel's carrier and tracking number.
  reducerVersion: 2,
  commandSchema: OrderCommandSchema,
  eventSchema: OrderEventSchema,
  streamIdOf: (command) => streamIds.order(command.data.orderId),
  initialState: initialOrderState,
  evolve: evolveOrder,
  decide: decideOrder,
});
