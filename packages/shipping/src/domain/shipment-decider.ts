import { defineDecider } from "@chronicle/domain";
import { ShipmentCommandSchema, type ShipmentCommand } from "./shipment-commands.ts";
import { decideShipment } from "./shipment-decide.ts";
import { ShipmentEventSchema, type ShipmentEvent } from "./shipment-events.ts";
import { evolveShipment } from "./shipment-evolve.ts";
import { initialShipmentState, type ShipmentState } from "./shipment-state.ts";
import { shippingStreamIds, type ShippingStreamType } from "./stream-ids.ts";

/** The shop's `defineDecider`, reused: commands, metadata and decided events are validated the same way. */
export const shipmentDecider = defineDecider<ShipmentCommand, ShipmentEvent, ShipmentState, Record<never, never>, ShippingStreamType>({
  streamType: "shipment",
  reducerVersion: 1,
  commandSchema: ShipmentCommandSchema,
  eventSchema: ShipmentEventSchema,
  streamIdOf: (command) => shippingStreamIds.shipment(command.data.shipmentId),
  initialState: initialShipmentState,
  evolve: evolveShipment,
  decide: decideShipment,
});
