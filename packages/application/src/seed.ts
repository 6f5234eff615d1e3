import { demoSeed } from "@chronicle/domain";
import { START, compareCheckpoints, type EventStore } from "@chronicle/event-store";
import { executeShopCommand } from "./execute-command.ts";

export interface SeedReport {
  seeded: boolean;
  commands: number;
  events: number;
}

/**
 * A fresh install gets the demo catalog and the article's story (Alice, Bob, products 101 and 102, order 1001).
 * Only an empty log is seeded: the demo never writes into a shop that already has history.
 */
export async function seedDemo(store: EventStore, onCommand?: (type: string, events: number) => void): Promise<SeedReport> {
  if (compareCheckpoints(await store.headCheckpoint(), START) !== 0) return { seeded: false, commands: 0, events: 0 };
  let events = 0;
  for (const { command, metadata } of demoSeed) {
    const result = await executeShopCommand(store, command, { ...metadata, actor: metadata.actor ?? "system:demo-seed" });
    const count = result.appended.reduce((n, r) => n + r.positions.length, 0);
    events += count;
    onCommand?.(command.type, count);
  }
  return { seeded: true, commands: demoSeed.length, events };
}
