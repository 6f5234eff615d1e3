import { TRPCError } from "@trpc/server";
import type { TRPC_ERROR_CODE_KEY } from "@trpc/server/rpc";
import { z } from "zod";
import { isDomainError, type DomainErrorCode } from "@chronicle/domain";
import { isEventStoreError, type EventStoreErrorCode } from "@chronicle/event-store";
import { isProjectionError, type ProjectionErrorCode } from "@chronicle/projections";

const domainCodes: Record<DomainErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION: "BAD_REQUEST",
  NOT_FOUND: "NOT_FOUND",
  ALREADY_EXISTS: "CONFLICT",
  ILLEGAL_STATE: "CONFLICT",
  INSUFFICIENT_STOCK: "CONFLICT",
  UNKNOWN_EVENT_TYPE: "INTERNAL_SERVER_ERROR",
  UPCAST_FAILED: "INTERNAL_SERVER_ERROR",
  INVARIANT_BROKEN: "INTERNAL_SERVER_ERROR",
};

const storeCodes: Record<EventStoreErrorCode, TRPC_ERROR_CODE_KEY> = {
  VALIDATION: "BAD_REQUEST",
  EVENT_TOO_LARGE: "PAYLOAD_TOO_LARGE",
  CONCURRENCY: "CONFLICT",
  DUPLICATE_EVENT: "CONFLICT",
  CONFIGURATION: "INTERNAL_SERVER_ERROR",
};

const projectionCodes: Record<ProjectionErrorCode, TRPC_ERROR_CODE_KEY> = {
  INVALID_QUERY: "BAD_REQUEST",
  UNEXPECTED_EVENT: "INTERNAL_SERVER_ERROR",
};

/**
 * The one place where what the domain and the store throw becomes a tRPC error: typed codes map to tRPC codes, a
 * user-caused message is kept, anything else stays an opaque INTERNAL_SERVER_ERROR (logged, never shown).
 */
export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (isDomainError(error)) {
    const code = domainCodes[error.code];
    return new TRPCError({ code, message: code === "INTERNAL_SERVER_ERROR" ? "internal error" : error.message, cause: error });
  }
  if (isEventStoreError(error)) {
    const code = storeCodes[error.code];
    return new TRPCError({ code, message: code === "INTERNAL_SERVER_ERROR" ? "internal error" : error.message, cause: error });
  }
  if (isProjectionError(error)) {
    const code = projectionCodes[error.code];
    return new TRPCError({ code, message: code === "INTERNAL_SERVER_ERROR" ? "internal error" : error.message, cause: error });
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "internal error", cause: error });
}

/**
 * A person's reading of zod issues, for an error's `message` ("quantity: at least 1; productId: required"); forms
 * take the same issues per field from `fieldErrors`. Without it, tRPC puts the issues' raw JSON in the message.
 */
export function readableIssues(cause: unknown): string | null {
  const fields = fieldErrorsOf(cause);
  if (!fields) return null;
  return Object.entries(fields).map(([field, messages]) => `${field === "_form" ? "input" : field}: ${messages.join(", ")}`).join("; ");
}

/** zod issues (from tRPC input parsing or a domain VALIDATION error), flattened for forms: field -> messages. */
export function fieldErrorsOf(cause: unknown): Record<string, string[]> | null {
  const issues = cause instanceof z.ZodError ? cause.issues : isDomainError(cause) && cause.issues.length ? cause.issues : null;
  if (!issues) return null;
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    // Commands nest their fields under `data`: forms know them by the field's own name.
    const key = issue.path.filter((p) => p !== "data").join(".") || "_form";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}
