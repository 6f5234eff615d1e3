import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventStore, type EventStore } from "../store.ts";
import { openTestDatabase } from "../testing/index.ts";
import { ConcurrencyError } from "../errors.ts";
import { handleCommand } from "./handle-command.ts";
import type { StoredEvent } from "../types.ts";

/** A tiny generic decider: a counter that may not go above a limit. */
const counterValue = (events: readonly StoredEvent["data"][]) => events.reduce((n, e) => n + Number(e.by), 0);

describe("handleCommand (generic load → decide → append)", () => {
  let store: EventStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTestDatabase("pglite");
    close = opened.close;
    store = createEventStore(opened.database);
  });
  afterAll(async () => close());

  const increment = (streamId: string, by: number) => ({
    read: (event: StoredEvent) => event.data,
    decide: (stream: (id: string) => readonly StoredEvent["data"][]) =>
      counterValue(stream(streamId)) + by > 10 ? [] : [{ streamId, events: [{ type: "Incremented", data: { by } }] }],
  });

  it("loads the streams the decision reads, appends with their versions, and passes metadata on", async () => {
    const first = await handleCommand(store, { ...increment("counter-a", 3), metadata: { correlationId: "c1", actor: "user-1" } });
    const second = await handleCommand(store, increment("counter-a", 4));
    expect(first.appended[0]!.nextExpectedVersion).toBe(1);
    expect(second.appended[0]!.nextExpectedVersion).toBe(2);
    expect(second.checkpoint).toEqual(second.appended[0]!.checkpoint);
    const events = await store.readStream("counter-a");
    expect(events[0]!.metadata).toEqual({ correlationId: "c1", actor: "user-1" });
  });

  it("appends nothing when the decision is empty", async () => {
    const result = await handleCommand(store, increment("counter-b", 11));
    expect(result).toMatchObject({ appended: [], checkpoint: undefined });
    expect(await store.streamVersion("counter-b")).toBe(0);
  });

  it("decides across streams and appends them atomically", async () => {
    const result = await handleCommand(store, {
      read: (event) => event.data,
      decide: (stream) => {
        const moved = counterValue(stream("counter-from"));
        stream("counter-to");
        return [
          { streamId: "counter-from", events: [{ type: "Incremented", data: { by: -1 - moved } }] },
          { streamId: "counter-to", events: [{ type: "Incremented", data: { by: 1 } }] },
        ];
      },
    });
    expect(result.appended.map((r) => r.streamId)).toEqual(["counter-from", "counter-to"]);
  });

  it("reloads and decides again when another writer got in between, then gives up with the typed error", async () => {
    let interfere = 1;
    const racing = {
      read: (event: StoredEvent) => event.data,
      decide: (stream: (id: string) => readonly StoredEvent["data"][]) => {
        stream("counter-c");
        return [{ streamId: "counter-c", events: [{ type: "Incremented", data: { by: 1 } }] }];
      },
    };
    // The first decision is overtaken by a concurrent append; the second wins.
    const overtaken = await handleCommand(store, {
      ...racing,
      decide: (stream) => {
        const decided = racing.decide(stream);
        if (interfere-- > 0) void store.append("counter-c", [{ type: "Incremented", data: { by: 5 } }]);
        return decided;
      },
    });
    expect(overtaken.attempts).toBe(2);
    expect(await store.streamVersion("counter-c")).toBe(2);
    const always = handleCommand(store, {
      ...racing,
      maxAttempts: 3,
      decide: (stream) => {
        const decided = racing.decide(stream);
        void store.append("counter-c", [{ type: "Incremented", data: { by: 5 } }]);
        return decided;
      },
    });
    await expect(always).rejects.toBeInstanceOf(ConcurrencyError);
  });
});
