import { describe, expect, it } from "vitest";
import { createInProcessTransport } from "./in-process-transport.ts";
import { isMessagingError } from "./errors.ts";
import { testStreamSpec } from "./testing/index.ts";
import { message, transportContract } from "./transport.contract.ts";

describe("in-process transport: the transport contract", () => {
  transportContract(async (deadLetterStream) => ({ transport: createInProcessTransport({ deadLetterStream }), cleanup: async () => {} }));
});

describe("in-process transport: limits and windows", () => {
  it("forgets a message id after the duplicate window, and drops the oldest beyond maxMessages", async () => {
    let clock = 1_000_000;
    const transport = createInProcessTransport({ now: () => clock });
    await transport.ensureStreams([testStreamSpec("S", ["s.>"], { duplicateWindowMs: 1000, maxMessages: 3 })]);
    const m = message("s.x.y.1", { a: 1 });
    expect((await transport.publish(m)).duplicate).toBe(false);
    clock += 999;
    expect((await transport.publish(m)).duplicate).toBe(true);
    clock += 2;
    expect(await transport.publish(m)).toEqual({ sequence: 2, duplicate: false });
    for (let i = 0; i < 3; i++) await transport.publish(message("s.x.y.2", { i }));
    const s = (await transport.stats()).streams.find((x) => x.name === "S")!;
    expect(s).toMatchObject({ messages: 3, firstSequence: 3, lastSequence: 5 });
    await transport.close();
  });

  it("refuses a subject no stream takes, overlapping streams, and use after close", async () => {
    const transport = createInProcessTransport();
    await transport.ensureStreams([testStreamSpec("S", ["s.>"])]);
    await expect(transport.publish(message("other.a.b", {}))).rejects.toSatisfy((e) => isMessagingError(e) && e.code === "NO_STREAM");
    await expect(transport.ensureStreams([testStreamSpec("S2", ["s.a.>"])])).rejects.toThrow(/overlap/);
    await expect(transport.ensureStreams([testStreamSpec("bad name", ["z.>"])])).rejects.toThrow(/name/);
    await transport.close();
    await expect(transport.publish(message("s.a.b", {}))).rejects.toSatisfy((e) => isMessagingError(e) && e.code === "CLOSED");
  });
});
