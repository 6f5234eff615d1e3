import type { z } from "zod";

/**
 * Every failure a caller can cause or meet carries one of these codes, so the API maps them to transport errors in
 * one place (VALIDATION -> BAD_REQUEST, NOT_FOUND -> NOT_FOUND, ALREADY_EXISTS/ILLEGAL_STATE/INSUFFICIENT_STOCK ->
 * CONFLICT). UNKNOWN_EVENT_TYPE and UPCAST_FAILED come from reading the log; INVARIANT_BROKEN means a bug in the
 * domain itself (a decider about to emit an event that fails its own schema) and must never reach a user.
 */
export const DOMAIN_ERROR_CODES = [
  "VALIDATION",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "ILLEGAL_STATE",
  "INSUFFICIENT_STOCK",
  "UNKNOWN_EVENT_TYPE",
  "UPCAST_FAILED",
  "INVARIANT_BROKEN",
] as const;

export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** zod's own issues, kept as they are so the API can flatten them for forms (`new z.ZodError(issues)`). */
export type DomainIssue = z.core.$ZodIssue;

export class DomainError extends Error {
  override readonly name = "DomainError";
  readonly code: DomainErrorCode;
  readonly issues: readonly DomainIssue[];

  constructor(code: DomainErrorCode, message: string, issues: readonly DomainIssue[] = []) {
    super(message);
    this.code = code;
    this.issues = issues;
  }
}

export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
