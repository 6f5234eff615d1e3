import { CommandMetadataSchema, commandStreamOf, DomainError, parseCommand, routeCommand, streamsReadBy, toVersionedEvent, upcast } from "@chronicle/domain";
import type { CommandMetadata, StreamType } from "@chronicle/domain";
import { createCommandHandler, type EventStore, type HandleCommandResult } from "@chronicle/event-store";
import { DEFAULT_SNAPSHOT_EVERY, shopStreamModels } from "./shop-models.ts";
import { createKeyedQueue } from "./keyed-queue.ts";
import { shopStatesOver } from "./shop-states.ts";

export interface ShopCommandsOptions {
  /** Snapshot interval per stream type (default: DEFAULT_SNAPSHOT_EVERY); a type left out is never snapshotted. */
  snapshotEvery?: Partial<Record<StreamType, number>>;
  /**
   * Attempts in all when another writer gets in between load and append (default 10, with a jittered backoff: in
   * one process the commands of a stream queue up, so conflicts come only from other processes).
   */
  maxAttempts?: number;
}

export interface ShopCommands {
  /**
   * One shop command, end to end: validate, load what the domain's routing reads, decide, append atomically with
   * expected versions (retrying on conflicts). The metadata's command id makes a repeat return the first outcome;
   * correlation, causation and actor travel into every event.
   */
  execute(input: unknown, metadata: CommandMetadata): Promise<HandleCommandResult>;
  /** Resolves when the snapshots started so far are written: call before closing the database. */
  idle(): Promise<void>;
}

export function createShopCommands(store: EventStore, options: ShopCommandsOptions = {}): ShopCommands {
  const handler = createCommandHandler(store, {
    streamTypes: shopStreamModels(options.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY),
    read: (stored) => upcast({ type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data }),
    maxAttempts: options.maxAttempts ?? 10,
  });
  const inTurn = createKeyedQueue();
  return {
    async execute(input, metadata) {
      const command = parseCommand(input);
      const meta = CommandMetadataSchema.safeParse(metadata);
      if (!meta.success) {
        throw new DomainError("VALIDATION", "invalid command metadata", meta.error.issues);
      }
      const { commandId, correlationId, causationId, actor } = meta.data;
      return inTurn(commandStreamOf(command), () => handler.handle({
        commandId,
        // Every shop command is kept, with a made id when the caller gave none: each event leads to its command.
        record: { type: command.type, data: command.data, metadata: definedOnly(meta.data) },
        // Loaded together before deciding: the decision then runs once instead of once per stream it reads.
        reads: (state) => streamsReadBy(shopStatesOver(state), command),
        decide: (state) =>
          routeCommand(shopStatesOver(state), command, meta.data).map(({ streamId, events }) => ({
            streamId,
            events: events.map((event) => toVersionedEvent(event)),
          })),
        // The handler adds commandId, and makes it the correlation and causation id when these are not given.
        metadata: { commandType: command.type, correlationId, causationId, actor },
      }));
    },
    idle: () => handler.idle(),
  };
}

/** `{ actor: undefined }` means "not given"; the record is JSON, which has no undefined. */
function definedOnly(metadata: CommandMetadata): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
