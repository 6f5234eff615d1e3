import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DomainError } from "@chronicle/domain";
import { ConcurrencyError } from "@chronicle/event-store";
import { ProjectionError } from "@chronicle/projections";
import { fieldErrorsOf, readableIssues, toTRPCError } from "./errors.ts";
import { TimeFilterSchema } from "./time-filter.ts";

/** What an error from a second copy of a module looks like: same name and code, another class. */
function foreign(name: string, code: string, message: string): Error {
  const error = new Error(message);
  error.name = name;
  Object.assign(error, { code });
  return error;
}

describe("errors are mapped to tRPC codes in one place", () => {
  it("maps domain and store errors, keeping the user-caused message", () => {
    expect(toTRPCError(new DomainError("NOT_FOUND", "Product 9 is not listed"))).toMatchObject({ code: "NOT_FOUND", message: "Product 9 is not listed" });
    expect(toTRPCError(new DomainError("INSUFFICIENT_STOCK", "only 2 left")).code).toBe("CONFLICT");
    expect(toTRPCError(new ConcurrencyError("cart-1", "3", 4)).code).toBe("CONFLICT");
  });

  it("recognises errors made by another copy of the module (Next bundles load packages more than once)", () => {
    expect(toTRPCError(foreign("ConcurrencyError", "CONCURRENCY", "stream cart-1: expected version 3")).code).toBe("CONFLICT");
    expect(toTRPCError(foreign("DomainError", "ILLEGAL_STATE", "An empty cart cannot be ordered")).code).toBe("CONFLICT");
  });

  it("hides what the user did not cause", () => {
    expect(toTRPCError(new Error("connection reset"))).toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: "internal error" });
    expect(toTRPCError(new DomainError("INVARIANT_BROKEN", "decider bug"))).toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: "internal error" });
    expect(toTRPCError(foreign("PostgresError", "23505", "duplicate key")).code).toBe("INTERNAL_SERVER_ERROR");
  });

  it("flattens zod issues for form fields, without the command's data prefix", () => {
    const parsed = z.object({ data: z.object({ quantity: z.number().min(1, "at least 1") }) }).safeParse({ data: { quantity: 0 } });
    expect(fieldErrorsOf(parsed.error)).toEqual({ quantity: ["at least 1"] });
    expect(fieldErrorsOf(new Error("x"))).toBeNull();
  });
});

describe("input a person can read", () => {
  it("says which field is wrong and why, in the message as well as per field", () => {
    const parsed = z.object({ data: z.object({ quantity: z.number().min(1, "at least 1"), productId: z.string().min(1, "required") }) })
      .safeParse({ data: { quantity: 0, productId: "" } });
    expect(readableIssues(parsed.error)).toBe("quantity: at least 1; productId: required");
    expect(readableIssues(new Error("not zod"))).toBeNull();
  });

  it("maps a projection query's refusal to BAD_REQUEST, even from another copy of the module", () => {
    expect(toTRPCError(new ProjectionError("INVALID_QUERY", "a day is YYYY-MM-DD")).code).toBe("BAD_REQUEST");
    expect(toTRPCError(foreign("ProjectionError", "INVALID_QUERY", "limit must be an integer")).code).toBe("BAD_REQUEST");
    expect(toTRPCError(new ProjectionError("UNEXPECTED_EVENT", "a bug")).message).toBe("internal error");
  });

  it("takes times the database accepts, and refuses with a reason those it does not", () => {
    for (const good of ["2024-01-01T00:00:00Z", "2024-01-01T00:00:00+14:00", "0001-01-01T00:00:00-12:00"]) {
      expect(TimeFilterSchema.safeParse(good).success).toBe(true);
    }
    expect(TimeFilterSchema.safeParse("2024-01-01T00:00:00+23:59").error?.issues[0]?.message).toBe("a time zone offset is at most ±14:00");
    expect(TimeFilterSchema.safeParse("0000-01-01T00:00:00Z").error?.issues[0]?.message).toBe("a date from the year 0001 on");
  });
});
