import { CommandMetadataSchema, DomainError, parseCommand, routeCommand, toVersionedEvent, upcast } from "@chronicle/domain";
import type { CommandMetadata, ShopEvent } from "@chronicle/domain";
import { handleCommand, type EventStore, type HandleCommandResult } from "@chronicle/event-store";
import { shopStatesOver } from "./shop-states.ts";

/**
 * One shop command, end to end: validate, load what the domain's routing reads, decide, append atomically with
 * expected versions (retrying on conflicts). Correlation, causation and actor travel into every event.
 */
export async function executeShopCommand(
  store: EventStore,
  input: unknown,
  metadata: CommandMetadata,
): Promise<HandleCommandResult> {
  const command = parseCommand(input);
  const meta = CommandMetadataSchema.safeParse(metadata);
  if (!meta.success) {
    throw new DomainError("VALIDATION", "invalid command metadata", meta.error.issues);
  }
  const { commandId, correlationId, causationId, actor } = meta.data;
  return handleCommand<ShopEvent>(store, {
    read: (stored) => upcast({ type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data }),
    decide: (stream) =>
      routeCommand(shopStatesOver(stream), command, meta.data).map(({ streamId, events }) => ({
        streamId,
        events: events.map((event) => toVersionedEvent(event)),
      })),
    metadata: {
      commandType: command.type,
      ...(commandId && { commandId }),
      ...((correlationId ?? commandId) && { correlationId: correlationId ?? commandId }),
      ...((causationId ?? commandId) && { causationId: causationId ?? commandId }),
      ...(actor && { actor }),
    },
  });
}
