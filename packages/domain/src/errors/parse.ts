import type { z } from "zod";
import { DomainError, type DomainErrorCode } from "./domain-error.ts";

/**
 * The one door from `unknown` into typed data: a failure becomes a DomainError whose message names every bad
 * field (for people) and whose `issues` keep zod's details (for forms).
 */
export function parseOrThrow<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
  code: DomainErrorCode = "VALIDATION",
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const details = result.error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
  throw new DomainError(code, `${what} is invalid: ${details}`, result.error.issues);
}
