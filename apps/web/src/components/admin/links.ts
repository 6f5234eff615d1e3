/** The back office's cross-links in one place, so every page builds them the same way. */
import { parseStreamId } from "@chronicle/domain";
import type { RowSource } from "@chronicle/projections/row-sources";

export function timeTravelHref(streamId: string, version?: number): string {
  const params = new URLSearchParams({ stream: streamId });
  if (version !== undefined) params.set("version", String(version));
  return `/admin/time-travel?${params}`;
}

export function eventHref(eventId: string): string {
  return `/admin/audit/${eventId}`;
}

export function auditHref(filter: Record<string, string | undefined>): string {
  const params = new URLSearchParams(Object.entries(filter).filter((e): e is [string, string] => Boolean(e[1])));
  const query = params.toString();
  return query ? `/admin/audit?${query}` : "/admin/audit";
}

/** Opens the projections page with its provenance form filled in (and answered). */
export function provenanceHref(projection: RowSource, key: string): string {
  return `/admin/projections?${new URLSearchParams({ projection, key })}#provenance`;
}

/** Shop streams fold through their own decider (and export as reducer specs); other streams get a generic fold. */
export function isShopStream(streamId: string): boolean {
  try {
    parseStreamId(streamId);
    return true;
  } catch {
    return false;
  }
}
