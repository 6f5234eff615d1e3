import { TRPCClientError } from "@trpc/client";

interface ErrorData {
  code?: string;
  fieldErrors?: Record<string, string[]> | null;
}

/** A readable message for any failed call: the server's own message for user-caused errors. */
export function messageOf(error: unknown): string {
  if (error instanceof TRPCClientError) {
    const data = error.data as ErrorData | undefined;
    const fields = data?.fieldErrors ? Object.entries(data.fieldErrors).map(([f, m]) => `${f}: ${m.join(", ")}`) : [];
    return fields.length ? fields.join("; ") : error.message;
  }
  return error instanceof Error ? error.message : "Something went wrong";
}

/** zod's messages per form field, from a BAD_REQUEST the server answered. */
export function fieldErrorsOf(error: unknown): Record<string, string[]> {
  return (error instanceof TRPCClientError ? (error.data as ErrorData | undefined)?.fieldErrors : null) ?? {};
}

/** An id for one user action, kept across retries of it (the server acts once per id). */
export function newCommandId(): string {
  return crypto.randomUUID();
}
