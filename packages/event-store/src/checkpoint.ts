import type { Checkpoint, StoredEvent } from "./types.ts";

export const START: Checkpoint = Object.freeze({ txId: 0, position: 0 });

export function checkpointOf(event: Pick<StoredEvent, "txId" | "position">): Checkpoint {
  return { txId: event.txId, position: event.position };
}

/** Negative when a comes first in the global order, 0 when equal, positive when a comes after b. */
export function compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
  return a.txId !== b.txId ? a.txId - b.txId : a.position - b.position;
}

/** A compact string form for URLs and logs: "txId/position". */
export function formatCheckpoint(c: Checkpoint): string {
  return `${c.txId}/${c.position}`;
}

export function parseCheckpoint(text: string): Checkpoint | undefined {
  const match = /^(\d{1,16})\/(\d{1,16})$/.exec(text);
  if (!match) return undefined;
  return { txId: Number(match[1]), position: Number(match[2]) };
}
