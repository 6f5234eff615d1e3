import { toVersionedEvent, upcast, type ScheduledCommand, type ShopEvent } from "@chronicle/domain";
import { runTolerantly } from "@chronicle/domain/testing";
import type { Checkpoint, EventStore, NewEvent, StoredEvent } from "@chronicle/event-store";

/**
 * Runs commands through the domain's in-memory shop (refused ones are skipped, as a user would see them refused),
 * and appends each command's events to the real store, one transaction per command with every stream it touches
 * named, as the command handler does. Users registering with a user id in `legacyUsers` are written as
 * UserRegistered v1, so the projections read upcast events too.
 */
export async function appendShopHistory(
  store: EventStore,
  commands: readonly ScheduledCommand[],
  legacyUsers: ReadonlySet<string> = new Set(),
): Promise<{ from: Checkpoint; stored: StoredEvent[]; events: ShopEvent[] }> {
  const from = await store.headCheckpoint();
  const { outcomes } = runTolerantly(commands);
  for (const outcome of outcomes) {
    // A decision may leave a stream it loaded without events (an idempotent repeat): nothing to append there.
    const decided = "decided" in outcome ? outcome.decided.filter(({ events }) => events.length > 0) : [];
    if (decided.length === 0) continue;
    const streams = decided.map(({ streamId }) => streamId);
    await store.transaction(
      async (session) => {
        for (const { streamId, events } of decided) await session.append(streamId, events.map((event) => toStored(event, legacyUsers)));
      },
      { streams },
    );
  }
  const stored: StoredEvent[] = [];
  for await (const event of store.readAll({ after: from })) stored.push(event);
  // What the pure reducers see: the log read back and upcast, in the order the projections receive it.
  const events = stored.map((event) => upcast({ type: event.type, schemaVersion: event.schemaVersion, data: event.data }));
  return { from, stored, events };
}

function toStored(event: ShopEvent, legacyUsers: ReadonlySet<string>): NewEvent {
  if (event.type === "UserRegistered" && legacyUsers.has(event.data.userId)) {
    return { type: event.type, schemaVersion: 1, data: { userId: event.data.userId, userName: event.data.name } };
  }
  return toVersionedEvent(event);
}
