import type { z } from "zod";
import { DomainError } from "../errors/domain-error.ts";
import { parseOrThrow } from "../errors/parse.ts";
import { currentSchemaVersion, eventRegistry, isShopEventType, type EventTypeEntry } from "./registry.ts";
import type { ShopEvent } from "./shop-event.ts";

/** What the log holds: the event as written, with the schema version it was written under. */
export interface VersionedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/**
 * Old events keep their shape forever; readers see only the current one. Each step is checked: the stored data
 * against its own version's schema, the result against the current schema, so a broken upcaster cannot leak.
 */
export function upcast(stored: VersionedEvent): ShopEvent {
  if (!isShopEventType(stored.type)) {
    throw new DomainError("UNKNOWN_EVENT_TYPE", `Unknown event type ${JSON.stringify(stored.type)}`);
  }
  // Sound by construction: the registry maps `type` to exactly this event's data schema.
  return upcastWith(eventRegistry, stored) as ShopEvent;
}

/** `upcast` over any bounded context's registry (type → versions and upcasters): shipping reads its log with it. */
export function upcastWith(registry: Readonly<Record<string, EventTypeEntry>>, stored: VersionedEvent): { type: string; data: unknown } {
  const { type, schemaVersion } = stored;
  const entry = Object.hasOwn(registry, type) ? registry[type] : undefined;
  if (entry === undefined) {
    throw new DomainError("UNKNOWN_EVENT_TYPE", `Unknown event type ${JSON.stringify(type)}`);
  }
  const schema: z.ZodType | undefined = entry.versions[schemaVersion];
  if (schema === undefined) {
    const known = Object.keys(entry.versions).join(", ");
    throw new DomainError("UPCAST_FAILED", `${type} has no schema version ${schemaVersion} (known: ${known})`);
  }
  let data: unknown = parseOrThrow(schema, stored.data, `${type} v${schemaVersion}`, "UPCAST_FAILED");
  // Already the current version: checked once by the current schema just now (the common case on every load).
  if (schemaVersion === entry.currentVersion) return { type, data };
  for (let version = schemaVersion; version < entry.currentVersion; version += 1) {
    const step = entry.upcasters[version];
    if (step === undefined) throw new DomainError("UPCAST_FAILED", `${type} has no upcaster from v${version}`);
    data = step(data as never);
  }
  const current = entry.versions[entry.currentVersion] as z.ZodType;
  const upcasted: unknown = parseOrThrow(current, data, `${type} upcast to v${entry.currentVersion}`, "UPCAST_FAILED");
  return { type, data: upcasted };
}

/** The envelope the store writes for a freshly decided event: always the current schema version. */
export function toVersionedEvent<E extends ShopEvent>(event: E): { type: E["type"]; schemaVersion: number; data: E["data"] } {
  return { type: event.type, schemaVersion: currentSchemaVersion(event.type), data: event.data };
}
