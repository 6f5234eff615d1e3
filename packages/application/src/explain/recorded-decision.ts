import { CommandMetadataSchema, DomainError, upcast, type CommandMetadata, type ShopEvent } from "@chronicle/domain";
import { eventById, readCommandRecord, type CommandRecord, type EventStore, type StoredEvent } from "@chronicle/event-store";

/** One handled command as the log and the commands table remember it: what came in, what it read, what it decided. */
export interface RecordedDecision {
  /** The event asked about. */
  readonly event: StoredEvent;
  readonly commandId: string;
  readonly command: Required<CommandRecord>;
  /** The version each stream was read at (stream id → version). */
  readonly readVersions: Readonly<Record<string, number>>;
  /** The command's events per stream, as stored, in the order they were appended. */
  readonly appended: readonly { readonly streamId: string; readonly events: readonly StoredEvent[] }[];
}

/**
 * The decision behind an event: its command (through the event's `commandId`), the streams it read and the events it
 * appended. NOT_FOUND when the event is unknown or its command is not on record (handled before commands were kept).
 */
export async function loadRecordedDecision(store: EventStore, eventId: string): Promise<RecordedDecision> {
  const event = await eventById(store, eventId);
  if (!event) throw new DomainError("NOT_FOUND", `No event ${eventId}`);
  const commandId = event.metadata.commandId;
  if (typeof commandId !== "string") {
    throw new DomainError("NOT_FOUND", `Event ${eventId} (${event.type}) names no command: it was not appended by the command handler`);
  }
  const row = await readCommandRecord(store.executor, commandId);
  if (!row?.command || !row.readVersions) {
    throw new DomainError("NOT_FOUND", `Command ${commandId} is not on record: it was handled before commands were kept`);
  }
  const appended = await Promise.all(row.outcome.appended.map(async (result) => ({
    streamId: result.streamId,
    events: await store.readStream(result.streamId, { from: result.nextExpectedVersion - result.positions.length + 1, limit: result.positions.length }),
  })));
  return { event, commandId, command: { metadata: {}, ...row.command }, readVersions: row.readVersions, appended };
}

/** A stored shop event as today's code reads it (upcast to the current schema). */
export function shopEventOf(stored: StoredEvent): ShopEvent {
  return upcast({ type: stored.type, schemaVersion: stored.schemaVersion, data: stored.data });
}

/** A stream's events at the version a command read it (versions 1..version), as today's code reads them. */
export async function eventsAtVersion(store: EventStore, streamId: string, version: number): Promise<ShopEvent[]> {
  if (version === 0) return [];
  return (await store.readStream(streamId, { from: 1, limit: version })).map(shopEventOf);
}

/** Where the command's events begin in the log: a stream read only today is read as it stood before this. */
export function firstEventOf(decision: RecordedDecision): StoredEvent {
  const first = decision.appended.flatMap((a) => a.events).sort((a, b) => a.txId - b.txId || a.position - b.position)[0];
  return first ?? decision.event;
}

/** The recorded metadata as today's schema reads it; VALIDATION when it no longer does. */
export function parseMetadata(metadata: unknown): CommandMetadata {
  const parsed = CommandMetadataSchema.safeParse(metadata);
  if (!parsed.success) throw new DomainError("VALIDATION", "the recorded command metadata does not pass today's schema", parsed.error.issues);
  return parsed.data;
}
