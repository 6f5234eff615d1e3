import type { CommandMetadata } from "@chronicle/domain";
import type { EventStore, HandleCommandResult } from "@chronicle/event-store";
import { createShopCommands, type ShopCommands } from "./shop-commands.ts";

const shared = new WeakMap<EventStore, ShopCommands>();

/** The store's shared ShopCommands with the default options (one per store, so `idle()` covers every call). */
export function shopCommandsFor(store: EventStore): ShopCommands {
  let commands = shared.get(store);
  if (!commands) shared.set(store, (commands = createShopCommands(store)));
  return commands;
}

/** One shop command on the store's shared ShopCommands; see `ShopCommands.execute`. */
export function executeShopCommand(store: EventStore, input: unknown, metadata: CommandMetadata): Promise<HandleCommandResult> {
  return shopCommandsFor(store).execute(input, metadata);
}
