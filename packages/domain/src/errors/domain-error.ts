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

/**
 * Also true for a DomainError made by another copy of this module: a bundler may load the domain more than once
 * (Next's server chunks do), and then `instanceof` alone would let a user's mistake pass as an internal error.
 */
export function isDomainError(error: unknown, code?: DomainErrorCode): error is DomainError {
  const shaped = error instanceof DomainError
    || (error instanceof Error && error.name === "DomainError" && (DOMAIN_ERROR_CODES as readonly unknown[]).includes((error as { code?: unknown }).code));
  return shaped && (code === undefined || (error as DomainError).code === code);
}
