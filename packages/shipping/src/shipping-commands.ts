import { CommandMetadataSchema, DomainError, parseOrThrow, type CommandMetadata } from "@chronicle/domain";
import { createCommandHandler, type EventStore, type HandleCommandResult, type StreamModel } from "@chronicle/event-store";
import {
  ShipmentCommandSchema,
  shipmentDecider,
  toVersionedShipmentEvent,
  upcastShipmentEvent,
  type ShipmentEvent,
  type ShipmentState,
} from "./domain/index.ts";

export interface ShippingCommands {
  /**
   * One shipping command on shipping's own log, through the event store's command handler (the shop's, reused):
   * validated, decided on the shipment's current state, appended with its expected version. The metadata's command
   * id makes a repeat return the first outcome; correlation and causation travel into every event.
   */
  execute(input: unknown, metadata: CommandMetadata): Promise<HandleCommandResult>;
  idle(): Promise<void>;
}

export function createShippingCommands(store: EventStore, options: { maxAttempts?: number } = {}): ShippingCommands {
  const shipment: StreamModel<ShipmentState, ShipmentEvent> = {
    reducerVersion: shipmentDecider.reducerVersion,
    initialState: shipmentDecider.initialState,
    evolve: shipmentDecider.evolve,
  };
  const handler = createCommandHandler(store, {
    streamTypes: { shipment },
    read: (stored) => upcastShipmentEvent(stored),
    maxAttempts: options.maxAttempts ?? 10,
  });
  return {
    async execute(input, metadata) {
      const command = parseOrThrow(ShipmentCommandSchema, input, "shipping command");
      const meta = CommandMetadataSchema.safeParse(metadata);
      if (!meta.success) throw new DomainError("VALIDATION", "invalid command metadata", meta.error.issues);
      const { commandId, correlationId, causationId, actor } = meta.data;
      const streamId = shipmentDecider.streamIdOf(command) as `shipment-${string}`;
      return handler.handle({
        commandId,
        record: { type: command.type, data: command.data, metadata: definedOnly(meta.data) },
        // Named up front: the shipment is loaded by the statement that also tells whether the command is a repeat.
        reads: () => [streamId],
        decide: (state) => [
          { streamId, events: shipmentDecider.decide(command, state(streamId), { metadata: meta.data }).map(toVersionedShipmentEvent) },
        ],
        metadata: { commandType: command.type, correlationId, causationId, actor },
      });
    },
    idle: () => handler.idle(),
  };
}

function definedOnly(metadata: CommandMetadata): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
