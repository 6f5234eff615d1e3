import type { RouterInputs } from "@chronicle/api";

/** The audit log's filters as they live in the URL: a link to a filtered log is just a link. */
export interface AuditSearch {
  type?: string;
  streamId?: string;
  actor?: string;
  correlationId?: string;
  from?: string;
  to?: string;
}

export const AUDIT_SEARCH_KEYS = ["type", "streamId", "actor", "correlationId", "from", "to"] as const;
export const AUDIT_PAGE_SIZE = 50;

type Filter = NonNullable<RouterInputs["admin"]["audit"]["list"]["filter"]>;

export function auditSearchOf(params: Record<string, string | string[] | undefined>): AuditSearch {
  const search: AuditSearch = {};
  for (const key of AUDIT_SEARCH_KEYS) {
    const value = params[key];
    if (typeof value === "string" && value.trim() !== "") search[key] = value.trim();
  }
  return search;
}

export function filterOf(search: AuditSearch): Filter {
  const { type, ...rest } = search;
  return { ...rest, ...(type && { types: [type] }) };
}

/** A datetime-local value, read as UTC (every time in the back office is shown in UTC), to ISO 8601. */
export function localToIso(value: string): string | undefined {
  if (!value) return undefined;
  const ms = Date.parse(`${value}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

export function isoToLocal(iso: string | undefined): string {
  const ms = iso ? Date.parse(iso) : Number.NaN;
  return Number.isNaN(ms) ? "" : new Date(ms).toISOString().slice(0, 16);
}
