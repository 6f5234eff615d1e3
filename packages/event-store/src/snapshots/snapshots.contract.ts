import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventStore, type EventStore } from "../store.ts";
import { query, type Database } from "../db/database.ts";
import { openTestDatabase, type TestDriver } from "../testing/index.ts";
import { ConfigurationError } from "../errors.ts";
import { createCommandHandler } from "../command/handle-command.ts";
import { counterModel, incremented, readCounterEvent, type CounterEvent, type CounterState } from "../command/counter.fixture.ts";
import type { StreamModel } from "../stream-model.ts";
import type { StoredEvent } from "../types.ts";
import { loadStream } from "./load-stream.ts";
import { readSnapshot, writeSnapshot } from "./snapshot-table.ts";

/** Snapshots on one driver. Run by one test file per driver. */
export function snapshotsContract(driver: TestDriver): void {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  let n = 0;
  const counter = () => `counter-snap${driver}${++n}` as const;
  beforeAll(async () => {
    ({ database, close } = await openTestDatabase(driver));
    store = createEventStore(database);
  });
  afterAll(async () => close());

  const handlerWith = (model: StreamModel<CounterState, CounterEvent>, onSnapshotError?: (error: unknown) => void) =>
    createCommandHandler(store, { streamTypes: { counter: model }, read: readCounterEvent, onSnapshotError });
  /** One command that reads the stream and adds `by`, then waits for the snapshot it may have started. */
  const add = async (handler: ReturnType<typeof handlerWith>, stream: `counter-${string}`, by: number) => {
    const result = await handler.handle({
      decide: (state) => {
        state(stream);
        return [{ streamId: stream, events: [incremented(by)] }];
      },
    });
    await handler.idle();
    return result;
  };
  const snapshotsOf = (stream: string) =>
    query<{ reducer_version: number; version: string }>(database.db,
      sql`select reducer_version, version::text from snapshots where stream_id = ${stream} order by reducer_version`);
  const countingReads = () => {
    const counted = { reads: 0, read: (event: StoredEvent) => (counted.reads++, readCounterEvent(event)) };
    return counted;
  };

  it("snapshots a stream every N events and then loads it from the snapshot plus the events after it", async () => {
    const stream = counter();
    const handler = handlerWith(counterModel(5));
    for (let i = 1; i <= 12; i++) await add(handler, stream, i);
    expect(await snapshotsOf(stream)).toEqual([{ reducer_version: 1, version: "10" }]);
    const counted = countingReads();
    const loaded = await loadStream(store, stream, counterModel(5), counted.read);
    expect(loaded).toEqual({ version: 12, snapshotVersion: 10, state: { open: false, value: 78, events: 12 } });
    expect(counted.reads).toBe(2);
  });

  it("loads the same state from a snapshot as from a full replay, and deleting snapshots changes nothing but speed", async () => {
    const stream = counter();
    const handler = handlerWith(counterModel(7));
    for (let i = 0; i < 40; i++) await add(handler, stream, (i * 37) % 11 - 5);
    const replayed = await loadStream(store, stream, counterModel(undefined), readCounterEvent);
    const fromSnapshot = await loadStream(store, stream, counterModel(7), readCounterEvent);
    expect(fromSnapshot.snapshotVersion).toBe(35);
    expect(fromSnapshot.state).toEqual(replayed.state);
    await database.db.execute(sql`delete from snapshots where stream_id = ${stream}`);
    expect(await loadStream(store, stream, counterModel(7), readCounterEvent)).toEqual({ ...fromSnapshot, snapshotVersion: 0 });
  });

  it("ignores snapshots of another reducer version, and keeps one row per reducer version", async () => {
    const stream = counter();
    for (let i = 0; i < 6; i++) await add(handlerWith(counterModel(3, 1)), stream, 1);
    const v2 = await loadStream(store, stream, counterModel(3, 2), readCounterEvent);
    // Version 2 counts double: a state taken from version 1's snapshot would say 6 + 0.
    expect(v2).toMatchObject({ snapshotVersion: 0, state: { value: 12 } });
    await add(handlerWith(counterModel(3, 2)), stream, 1);
    expect(await snapshotsOf(stream)).toEqual([{ reducer_version: 1, version: "6" }, { reducer_version: 2, version: "7" }]);
    expect((await loadStream(store, stream, counterModel(3, 2), readCounterEvent)).state.value).toBe(14);
  });

  it("never replaces a snapshot by an older one", async () => {
    const stream = counter();
    const write = (version: number) => writeSnapshot(database.db, { streamId: stream, streamType: "counter", reducerVersion: 1, version, stateJson: JSON.stringify({ version }) });
    await write(10);
    await write(5);
    expect(await readSnapshot(database.db, stream, 1)).toEqual({ version: 10, state: { version: 10 } });
  });

  it("snapshots a long stream that has none at its next command (streams older than snapshots, a new reducer)", async () => {
    const stream = counter();
    await store.append(stream, Array.from({ length: 30 }, () => incremented(1)));
    await add(handlerWith(counterModel(10)), stream, 1);
    expect(await snapshotsOf(stream)).toEqual([{ reducer_version: 1, version: "31" }]);
  });

  it("snapshots a stream a decision writes without reading it when it crosses a multiple of N", async () => {
    const stream = counter();
    const handler = handlerWith(counterModel(4));
    for (let i = 0; i < 5; i++) {
      await handler.handle({ decide: () => [{ streamId: stream, events: [incremented(1)] }] });
      await handler.idle();
    }
    expect(await snapshotsOf(stream)).toEqual([{ reducer_version: 1, version: "4" }]);
  });

  it("a snapshot that cannot be taken never fails the command", async () => {
    const stream = counter();
    const errors: unknown[] = [];
    // A Map would come back from JSON as {}: such a state must not be snapshotted.
    const withMap: StreamModel<CounterState & { seen: unknown }, CounterEvent> = {
      ...counterModel(2),
      initialState: () => ({ ...counterModel().initialState(), seen: new Map() }),
      evolve: (state, event) => ({ ...counterModel().evolve(state, event), seen: state.seen }),
    };
    const handler = createCommandHandler(store, { streamTypes: { counter: withMap }, read: readCounterEvent, onSnapshotError: (error) => errors.push(error) });
    for (let i = 0; i < 3; i++) {
      const result = await handler.handle({ decide: () => [{ streamId: stream, events: [incremented(1)] }] });
      expect(result.appended).toHaveLength(1);
      await handler.idle();
    }
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(ConfigurationError);
    expect(String(errors[0])).toContain("state.seen is a Map");
    expect(await snapshotsOf(stream)).toEqual([]);
    // Even an error callback that throws is contained.
    const throwing = createCommandHandler(store, { streamTypes: { counter: withMap }, read: readCounterEvent, onSnapshotError: () => { throw new Error("callback failed"); } });
    await throwing.handle({ decide: () => [{ streamId: stream, events: [incremented(1)] }] });
    await expect(throwing.idle()).resolves.toBeUndefined();
  });

  describe("loading", () => {
    it("reads no snapshot for a type without snapshotEvery, and loads a missing stream as its initial state", async () => {
      const stream = counter();
      await writeSnapshot(database.db, { streamId: stream, streamType: "counter", reducerVersion: 1, version: 1, stateJson: '{"bogus":true}' });
      expect(await loadStream(store, stream, counterModel(undefined), readCounterEvent)).toEqual({
        version: 0, snapshotVersion: 0, state: { open: false, value: 0, events: 0 },
      });
    });
  });
}
