import type { ScheduledCommand } from "./scheduled-command.ts";
import { demoCatalogCommands } from "./demo-catalog.ts";

const at = (time: string, commandId: string) => ({ now: `2024-03-01T${time}.000Z`, commandId });

/**
 * The oldest example of this system, command by command, with fixed ids and times: Alice registers as user 1,
 * adds 2 of product 101 to her cart and places order 1001; Bob registers as user 2 and adds 1 of product 102.
 * It assumes the demo catalog is listed first (see `demoSeed`).
 */
export const articleStory: readonly ScheduledCommand[] = [
  {
    command: { type: "RegisterUser", data: { userId: "1", name: "Alice", email: "alice@example.com" } },
    metadata: at("09:00:00", "story-1"),
  },
  {
    command: { type: "AddProductToCart", data: { userId: "1", productId: "101", quantity: 2 } },
    metadata: at("09:05:00", "story-2"),
  },
  {
    command: { type: "PlaceOrder", data: { userId: "1", orderId: "1001" } },
    metadata: at("09:10:00", "story-3"),
  },
  {
    command: { type: "RegisterUser", data: { userId: "2", name: "Bob", email: "bob@example.com" } },
    metadata: at("09:15:00", "story-4"),
  },
  {
    command: { type: "AddProductToCart", data: { userId: "2", productId: "102", quantity: 1 } },
    metadata: at("09:20:00", "story-5"),
  },
];

/** Everything a fresh install runs, in order: the demo catalog, then the article's story. */
export const demoSeed: readonly ScheduledCommand[] = [...demoCatalogCommands, ...articleStory];
