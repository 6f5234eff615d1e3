import type { EventStore } from "../store.ts";
import type { AppendOptions, AppendResult, EventMetadata, NewEvent, StoredEvent } from "../types.ts";
import type { Projection } from "../runner/types.ts";
import { newEventId } from "../ids.ts";
import { streamTypeOf } from "../validate.ts";
import { compareCheckpoints } from "../checkpoint.ts";
import { commandEventId } from "./command-ids.ts";
import { recordCommand, recordRowOf, type CommandToRecord } from "./command-table.ts";
import { protectionOf } from "../personal-data/protection.ts";
import type { LoadedStream } from "../stream-model.ts";
import type { CommandOutcome, StreamDecision } from "./types.ts";

/** How a command is recorded: under which id, and whether that id is the caller's (then event ids derive from it). */
export interface Recording extends CommandToRecord {
  idempotent: boolean;
}

/**
 * Appends every decided stream with the version it was loaded at, atomically. A recorded command (a command id, or
 * the command itself to keep) is recorded in the same transaction. A single stream without inline projections keeps
 * to one statement (a transaction costs BEGIN and COMMIT round trips on top): the store's append, or with a record
 * its `appendRecorded` — unless its events carry personal data, whose subject key is written in the transaction.
 */
export async function appendDecisions(
  store: EventStore,
  writes: readonly StreamDecision[],
  loaded: ReadonlyMap<string, LoadedStream>,
  recording: Recording | undefined,
  metadata: EventMetadata | undefined,
  inline: readonly Projection[],
): Promise<CommandOutcome> {
  // Only a caller's id derives event ids: an id made here is never sent again, and random-page v5 ids would cost
  // the event_id index what time-ordered v7 ids save.
  const derivingId = recording?.idempotent ? recording.commandId : undefined;
  // Inline projections need every event's id before the append, to hand them the stored events.
  const withIds = writes.map((write) => inline.length === 0 ? write : {
    ...write,
    events: write.events.map((e, index) => ({ ...e, eventId: e.eventId ?? (derivingId ? commandEventId(derivingId, write.streamId, index) : newEventId()) })),
  });
  const eventsOf = (write: StreamDecision) => stamped(write, recording?.commandId, derivingId, metadata);
  // A stream the decision did not read has no version to check against.
  const expectedVersion = (streamId: string) => loaded.get(streamId)?.version ?? "any";
  if (writes.length === 1 && inline.length === 0) {
    const [write] = writes as [StreamDecision];
    const events = eventsOf(write);
    const options: AppendOptions = { expectedVersion: expectedVersion(write.streamId) };
    if (!recording) return outcomeOf([await store.append(write.streamId, events, options)]);
    // The command's row in the append statement itself: one round trip where a transaction took four.
    if (!protectionOf(store.database)?.carriesPersonalData(events)) {
      const outcome = outcomeOf([await store.appendRecorded(write.streamId, events, options, recordRowOf(recording))]);
      // Events stored before under this command's ids (its row pruned): recorded now with that answer, as below.
      if (outcome.appended[0]!.idempotent) await recordCommand(store.executor, recording, outcome);
      return outcome;
    }
  }
  const streams = writes.map((w) => w.streamId);
  return store.transaction(async (tx) => {
    const appended: AppendResult[] = [];
    const stored: StoredEvent[] = [];
    for (const write of withIds) {
      const events = eventsOf(write);
      const result = await tx.append(write.streamId, events, { expectedVersion: expectedVersion(write.streamId) });
      appended.push(result);
      if (inline.length > 0) stored.push(...asStored(write.streamId, events, result));
    }
    for (const projection of inline) {
      const mine = stored.filter((e) => !projection.streamTypes || projection.streamTypes.includes(e.streamType));
      if (mine.length > 0) await projection.apply(mine, { executor: tx.executor, table: (t) => t });
    }
    const outcome = outcomeOf(appended);
    if (recording) await recordCommand(tx.executor, recording, outcome);
    return outcome;
    // One stream needs no up-front lock: its append is the transaction's first write, which the store allows.
  }, streams.length > 1 ? { streams } : {});
}

/** The events as a reader will see them (recorded time from this process's clock: the row has the database's). */
function asStored(streamId: string, events: readonly NewEvent[], result: AppendResult): StoredEvent[] {
  const streamType = streamTypeOf(streamId);
  const recordedAt = new Date().toISOString();
  return events.map((event, i) => ({
    eventId: event.eventId!,
    streamId,
    streamType,
    streamVersion: result.nextExpectedVersion - events.length + 1 + i,
    position: result.positions[i]!,
    txId: result.checkpoint.txId,
    type: event.type,
    schemaVersion: event.schemaVersion ?? 1,
    data: event.data,
    metadata: event.metadata ?? {},
    recordedAt,
  }));
}

function outcomeOf(appended: AppendResult[]): CommandOutcome {
  return { appended, checkpoint: appended.map((r) => r.checkpoint).sort(compareCheckpoints).at(-1) };
}

/** The command's metadata on every event (the event's own wins), and ids derived from the caller's command id. */
function stamped(write: StreamDecision, commandId: string | undefined, derivingId: string | undefined, metadata: EventMetadata | undefined): NewEvent[] {
  const common = {
    ...(commandId && { commandId, correlationId: commandId, causationId: commandId }),
    ...withoutUndefined(metadata ?? {}),
  };
  return write.events.map((event, index) => ({
    ...event,
    ...(derivingId && event.eventId === undefined && { eventId: commandEventId(derivingId, write.streamId, index) }),
    metadata: { ...common, ...withoutUndefined(event.metadata ?? {}) },
  }));
}

// `{ correlationId: undefined }` means "not given" to a caller, but the store rightly refuses undefined in JSON.
function withoutUndefined(metadata: EventMetadata): EventMetadata {
  return Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined));
}
