import { demoSeed } from "@chronicle/domain";
import { START, compareCheckpoints, type Checkpoint, type EventStore } from "@chronicle/event-store";
import { executeShopCommand, shopCommandsFor } from "./execute-command.ts";

export interface SeedReport {
  seeded: boolean;
  commands: number;
  events: number;
  /** Where the seed's last event sits: a reader that has passed it has seen the whole demo. */
  checkpoint?: Checkpoint;
}

/**
 * A fresh install gets the demo catalog and the article's story (Alice, Bob, products 101 and 102, order 1001).
 * Only an empty log is seeded: the demo never writes into a shop that already has history.
 */
export async function seedDemo(store: EventStore, onCommand?: (type: string, events: number) => void): Promise<SeedReport> {
  if (compareCheckpoints(await store.headCheckpoint(), START) !== 0) return { seeded: false, commands: 0, events: 0 };
  let events = 0;
  let checkpoint: Checkpoint | undefined;
  for (const { command, metadata } of demoSeed) {
    const result = await executeShopCommand(store, command, { ...metadata, actor: metadata.actor ?? "system:demo-seed" });
    const count = result.appended.reduce((n, r) => n + r.positions.length, 0);
    events += count;
    checkpoint = result.checkpoint ?? checkpoint;
    onCommand?.(command.type, count);
  }
  // The caller may close the database next: let any snapshot the seed started finish first.
  await shopCommandsFor(store).idle();
  return { seeded: true, commands: demoSeed.length, events, checkpoint };
}
