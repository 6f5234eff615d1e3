import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventStore, type EventStore } from "../store.ts";
import { query, type Database } from "../db/database.ts";
import { openTestDatabase, type TestDriver } from "../testing/index.ts";
import { ValidationError } from "../errors.ts";
import { createCommandHandler } from "./handle-command.ts";
import { readCommandRecord } from "./command-table.ts";
import { decideAsOf } from "./decide-as-of.ts";
import { counterModel, incremented, readCounterEvent } from "./counter.fixture.ts";
import type { StateReader } from "../stream-model.ts";
import type { StreamDecision } from "./types.ts";

const streamTypes = { counter: counterModel(), tally: counterModel() };
type Models = typeof streamTypes;

/** Keeping the command itself, and replaying its decision as it was made. Run by one test file per driver. */
export function commandRecordContract(driver: TestDriver): void {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  let n = 0;
  const id = (name: string) => `${name}${driver}${++n}`;
  const handler = () => createCommandHandler(store, { streamTypes, read: readCounterEvent });
  const rows = async () => Number((await query<{ c: string }>(database.db, sql`select count(*) as c from commands`))[0]!.c);

  beforeAll(async () => {
    ({ database, close } = await openTestDatabase(driver));
    store = createEventStore(database);
  });
  afterAll(async () => close());

  /** Raises the counter to the tally plus one: reads both streams, writes one. */
  const addTally = (counter: `counter-${string}`, tally: `tally-${string}`) => (state: StateReader<Models>): StreamDecision[] =>
    [{ streamId: counter, events: [incremented(state(tally).value + 1 - state(counter).value)] }];

  describe("the command on record", () => {
    it("without a command id: an id is made, every event names it, and its row keeps the command and what it read", async () => {
      const counter = `counter-${id("a")}` as const;
      const tally = `tally-${id("a")}` as const;
      await store.append(tally, [incremented(2), incremented(3)]);
      const record = { type: "AddTally", data: { counter, tally }, metadata: { actor: "user:7", now: "2024-03-01T09:00:00.000Z" } };
      const result = await handler().handle({ record, metadata: { actor: "user:7" }, decide: addTally(counter, tally) });
      expect(result.commandId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
      const [event] = await store.readStream(counter);
      expect(event!.metadata.commandId).toBe(result.commandId);
      // A made id is never sent again: event ids stay time-ordered (v7), not derived from it.
      expect(event!.eventId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
      const row = await readCommandRecord(store.executor, result.commandId!);
      expect(row).toMatchObject({ commandId: result.commandId, command: record, readVersions: { [tally]: 2, [counter]: 0 } });
      expect(row!.outcome.appended).toEqual(result.appended);
    });

    it("with a caller's command id: the same row, and a repeat still answers the first outcome", async () => {
      const counter = `counter-${id("b")}` as const;
      const tally = `tally-${id("b")}` as const;
      const commandId = id("caller-");
      const record = { type: "AddTally", data: { counter, tally } };
      const first = await handler().handle({ commandId, record, decide: addTally(counter, tally) });
      const again = await handler().handle({ commandId, record, decide: addTally(counter, tally) });
      expect([first.commandId, again.commandId, again.duplicate]).toEqual([commandId, commandId, true]);
      expect(await readCommandRecord(store.executor, commandId)).toMatchObject({ command: { ...record, metadata: {} }, readVersions: { [tally]: 0, [counter]: 0 } });
    });

    it("records nothing for a command without a record or an id, nor for an empty decision without an id", async () => {
      const counter = `counter-${id("c")}` as const;
      const before = await rows();
      const plain = await handler().handle({ decide: () => [{ streamId: counter, events: [incremented(1)] }] });
      const empty = await handler().handle({ record: { type: "Nothing", data: {} }, decide: () => [] });
      expect([plain.commandId, empty.commandId, await rows()]).toEqual([undefined, undefined, before]);
    });

    it("refuses a record that is not plain JSON, before anything is written", async () => {
      const counter = `counter-${id("d")}` as const;
      const decide = () => [{ streamId: counter, events: [incremented(1)] }];
      const bad = [{ type: "", data: {} }, { type: "X", data: { at: new Date() } }, { type: "X", data: undefined }, { type: "X", data: {}, metadata: { n: Number.NaN } }];
      for (const record of bad) {
        await expect(handler().handle({ record: record as never, decide })).rejects.toBeInstanceOf(ValidationError);
      }
      expect(await store.streamVersion(counter)).toBe(0);
    });
  });

  describe("decideAsOf: the decision again, on the streams as they were read", () => {
    it("decides what was decided then, though the streams have moved on since", async () => {
      const counter = `counter-${id("e")}` as const;
      const tally = `tally-${id("e")}` as const;
      await store.append(tally, [incremented(4)]);
      const result = await handler().handle({ record: { type: "AddTally", data: {} }, decide: addTally(counter, tally) });
      await store.append(tally, [incremented(100)]);
      const row = await readCommandRecord(store.executor, result.commandId!);
      const [first] = await store.readStream(counter);
      const replayed = await decideAsOf(store, { streamTypes, read: readCounterEvent, decide: addTally(counter, tally), versions: row!.readVersions!, before: first! });
      expect(replayed.decisions).toEqual([{ streamId: counter, events: [incremented(5)] }]);
      expect(replayed.read).toEqual([{ streamId: tally, version: 1, recorded: true }, { streamId: counter, version: 0, recorded: true }]);
    });

    it("reads a stream the recorded decision did not read as it stood before the command's events", async () => {
      const counter = `counter-${id("f")}` as const;
      const tally = `tally-${id("f")}` as const;
      const other = `tally-${id("g")}` as const;
      await store.append(other, [incremented(10)]);
      const result = await handler().handle({ record: { type: "AddTally", data: {} }, decide: addTally(counter, tally) });
      await store.append(other, [incremented(1000)]);
      const row = await readCommandRecord(store.executor, result.commandId!);
      const [first] = await store.readStream(counter);
      // Today's decision also reads `other`.
      const changed = (state: StateReader<Models>) => [{ streamId: counter, events: [incremented(state(tally).value + state(other).value + 1)] }];
      const replayed = await decideAsOf(store, { streamTypes, read: readCounterEvent, decide: changed, versions: row!.readVersions!, before: first! });
      expect(replayed.decisions).toEqual([{ streamId: counter, events: [incremented(11)] }]);
      expect(replayed.read).toContainEqual({ streamId: other, version: 1, recorded: false });
    });
  });
}
