import { DomainError, type DomainErrorCode } from "./domain-error.ts";

/**
 * Ends every switch over a union: a new event or command type fails to compile until it is handled. At runtime
 * it is only reached by data that bypassed the schemas, which is reported with a code rather than ignored.
 */
export function unreachable(value: never, code: DomainErrorCode = "INVARIANT_BROKEN"): never {
  const unknownValue: unknown = value;
  const type =
    typeof unknownValue === "object" && unknownValue !== null && "type" in unknownValue
      ? String(unknownValue.type)
      : String(unknownValue);
  throw new DomainError(code, `Unhandled case: ${type}`);
}
