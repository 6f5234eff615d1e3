import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.ts";
import { commandEventId, uuidV5, validateCommandId } from "./command-ids.ts";

describe("ids derived from a command id", () => {
  it("computes RFC 9562 version-5 UUIDs (the RFC's own example, and Python's uuid5 for ours)", () => {
    expect(uuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "www.example.com")).toBe("2ed6657d-e927-568b-95e1-2665a8aea6a2");
    expect(commandEventId("cmd-1", "counter-a", 0)).toBe("3fa31ebe-59a0-595e-a117-b24a116a46df");
  });

  it("is the same for the same command, stream and index, and differs when any of them differs", () => {
    const id = commandEventId("cmd-1", "order-1", 0);
    expect(commandEventId("cmd-1", "order-1", 0)).toBe(id);
    expect(new Set([id, commandEventId("cmd-2", "order-1", 0), commandEventId("cmd-1", "order-2", 0), commandEventId("cmd-1", "order-1", 1)]).size).toBe(4);
    // The separator keeps ("a-1", "b") and ("a", "1-b") apart.
    expect(commandEventId("cmd", "order-1", 0)).not.toBe(commandEventId("cmd\u0000order-1", "", 0));
  });

  it("accepts 1 to 200 characters, or no command id at all", () => {
    expect(validateCommandId(undefined)).toBeUndefined();
    expect(validateCommandId("x".repeat(200))).toHaveLength(200);
    for (const bad of ["", "x".repeat(201), 42]) expect(() => validateCommandId(bad)).toThrow(ValidationError);
  });
});
