import type { z } from "zod";
import { personalFieldsOf } from "../shared/personal-data.ts";
import { streamIds } from "../shared/stream-ids.ts";
import { eventRegistry, isShopEventType, type EventTypeEntry } from "./registry.ts";
import type { VersionedEvent } from "./upcast.ts";

/** The person an event is about, and which of its fields (top-level keys of `data`) are their personal data. */
export interface EventPersonalData {
  /** The data subject: the stream id of the customer (`user-<userId>`), one key per subject. */
  readonly subject: string;
  /** Personal fields present in this event's data; empty for an event about a person that holds none. */
  readonly fields: readonly string[];
}

/** The data subject of a customer: their user stream's id. */
export function dataSubjectOfUser(userId: string): string {
  return streamIds.user(userId);
}

const registry: Readonly<Record<string, EventTypeEntry>> = eventRegistry;

// Read from the schemas once: (type, version) -> personal fields.
const FIELDS = new Map<string, readonly string[]>(
  Object.entries(registry).flatMap(([type, entry]) =>
    Object.entries(entry.versions).map(([version, schema]) => [`${type}@${version}`, personalFieldsOf(schema as z.ZodType)] as const),
  ),
);

/**
 * What the event store must protect in a stored (or about to be stored) event: undefined for an event about no
 * person (a product's, an order's lifecycle) or of a type or version the shop does not know. Total: untrusted data
 * without a usable subject id is about no one (the store's own validation and the domain's parse refuse it later).
 */
export function personalDataOf(event: VersionedEvent): EventPersonalData | undefined {
  if (!isShopEventType(event.type)) return undefined;
  const subjectField = registry[event.type]?.subjectField;
  if (subjectField === undefined || typeof event.data !== "object" || event.data === null) return undefined;
  const userId = (event.data as Record<string, unknown>)[subjectField];
  if (typeof userId !== "string" || userId.length === 0) return undefined;
  const fields = (FIELDS.get(`${event.type}@${event.schemaVersion}`) ?? []).filter((field) => Object.hasOwn(event.data as object, field));
  return { subject: dataSubjectOfUser(userId), fields };
}

/** Every personal field of every (type, version), for tests and documentation. */
export function personalFieldMap(): ReadonlyMap<string, readonly string[]> {
  return FIELDS;
}
