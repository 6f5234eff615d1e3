import { describe, expect, it } from "vitest";
import { z } from "zod";
import { StockReceivedSchema } from "../events/catalog-events.ts";
import { defineDecider } from "./define-decider.ts";

const command = z.object({ type: z.literal("Receive"), data: z.object({ quantity: z.number() }) });
type Receive = z.infer<typeof command>;
type Received = z.infer<typeof StockReceivedSchema>;

/** A deliberately broken decider: it passes the client's quantity straight into the event. */
const broken = defineDecider<Receive, Received, number>({
  streamType: "product",
  reducerVersion: 1,
  commandSchema: command,
  eventSchema: StockReceivedSchema,
  streamIdOf: () => "product-101",
  initialState: () => 0,
  evolve: (state, event) => state + event.data.quantity,
  decide: ({ data }) => [{ type: "StockReceived", data: { productId: "101", quantity: data.quantity } }],
});
const metadata = { now: "2024-03-01T12:00:00.000Z" };

describe("defineDecider", () => {
  it("never lets a decider emit an event that fails its own schema (INVARIANT_BROKEN, not a bad event in the log)", () => {
    expect(broken.decide({ type: "Receive", data: { quantity: 3 } }, 0, { metadata })).toEqual([
      { type: "StockReceived", data: { productId: "101", quantity: 3 } },
    ]);
    expect(() => broken.decide({ type: "Receive", data: { quantity: -3 } }, 0, { metadata })).toThrow(
      expect.objectContaining({ code: "INVARIANT_BROKEN" }),
    );
  });

  it("refuses invalid commands and metadata with VALIDATION errors that list zod's issues", () => {
    const invalid = { type: "Receive", data: { quantity: "3" } } as unknown as Receive;
    expect(() => broken.decide(invalid, 0, { metadata })).toThrow(
      expect.objectContaining({ code: "VALIDATION", issues: [expect.objectContaining({ path: ["data", "quantity"] })] }),
    );
    expect(() => broken.decide({ type: "Receive", data: { quantity: 3 } }, 0, { metadata: { now: "2024-03-01T12:00:00+02:00" } })).toThrow(
      expect.objectContaining({ code: "VALIDATION" }),
    );
  });
});
