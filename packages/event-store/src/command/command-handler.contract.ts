import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventStore, type EventStore } from "../store.ts";
import { query, type Database } from "../db/database.ts";
import { openTestDatabase, type TestDriver } from "../testing/index.ts";
import { ConcurrencyError, ConfigurationError, ValidationError } from "../errors.ts";
import { createCommandHandler } from "./handle-command.ts";
import { commandEventId } from "./command-ids.ts";
import { AlreadyOpen, counterModel, incremented, readCounterEvent } from "./counter.fixture.ts";

/** The handler's behaviour on one driver. Run by one test file per driver. */
export function commandHandlerContract(driver: TestDriver): void {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  let n = 0;
  const id = (name: string) => `${name}${driver}${++n}`;
  const handlerOf = (maxAttempts = 3, on: EventStore = store) =>
    createCommandHandler(on, { streamTypes: { counter: counterModel(), tally: counterModel() }, read: readCounterEvent, maxAttempts });
  const countEvents = async (streamId: string) =>
    Number((await query<{ c: string }>(database.db, sql`select count(*) as c from events where stream_id = ${streamId}`))[0]!.c);

  /**
   * A store whose writes wait for an append started during a decision: on Postgres a fire-and-forget append
   * would race the handler's own, so "another writer got in between" must be made to happen first.
   */
  const interfering = () => {
    let pending: Promise<unknown> = Promise.resolve();
    const wrapped: EventStore = {
      ...store,
      append: async (...args) => (await pending, store.append(...args)),
      transaction: async (...args) => (await pending, store.transaction(...args)),
    };
    return { store: wrapped, interfere: (streamId: string) => void (pending = store.append(streamId, [incremented(5)])) };
  };

  beforeAll(async () => {
    ({ database, close } = await openTestDatabase(driver));
    store = createEventStore(database);
  });
  afterAll(async () => close());

  describe("load, decide, append", () => {
    it("hands the decision each stream's state and appends with the version it was loaded at", async () => {
      const handler = handlerOf();
      const stream = `counter-${id("a")}` as const;
      const seen: number[] = [];
      const add = (by: number) => handler.handle({ decide: (state) => { seen.push(state(stream).value); return [{ streamId: stream, events: [incremented(by)] }]; } });
      const first = await add(3);
      const second = await add(4);
      expect(seen).toEqual([0, 3]);
      expect([first.appended[0]!.nextExpectedVersion, second.appended[0]!.nextExpectedVersion]).toEqual([1, 2]);
      expect(second).toMatchObject({ checkpoint: second.appended[0]!.checkpoint, attempts: 1, duplicate: false });
    });

    it("loads what `reads` names before deciding, in rounds, and then decides once", async () => {
      const first = `counter-${id("r")}` as const;
      const second = `tally-${id("r")}` as const;
      await store.append(first, [incremented(2)]);
      await store.append(second, [incremented(7)]);
      const handler = handlerOf();
      const named: string[][] = [];
      let decisions = 0;
      const result = await handler.handle({
        // The second stream is named only once the first is loaded (its value is 2, not the stand-in's 0).
        reads: (state) => {
          const streams = state(first).value === 2 ? [first, second] : [first];
          named.push(streams);
          return streams;
        },
        decide: (state) => {
          decisions++;
          return [{ streamId: first, events: [incremented(state(first).value + state(second).value)] }];
        },
      });
      expect(named).toEqual([[first], [first, second], [first, second]]);
      expect(decisions).toBe(1);
      expect(result.appended[0]!.nextExpectedVersion).toBe(2);
      // A stream `reads` leaves out is still loaded when the decision asks for it.
      let asked = 0;
      await handler.handle({ reads: () => [], decide: (state) => (asked++, [{ streamId: second, events: [incremented(state(second).value)] }]) });
      expect(asked).toBe(2);
      expect(await store.streamVersion(second)).toBe(2);
    });

    it("appends nothing when the decision is empty", async () => {
      const stream = `counter-${id("b")}` as const;
      const result = await handlerOf().handle({ decide: (state) => (state(stream).value > 10 ? [{ streamId: stream, events: [incremented(1)] }] : []) });
      expect(result).toMatchObject({ appended: [], checkpoint: undefined, duplicate: false });
      expect(await store.streamVersion(stream)).toBe(0);
    });

    it("appends every stream of a decision atomically: a conflict on one appends none", async () => {
      const from = `counter-${id("from")}` as const;
      const to = `tally-${id("to")}` as const;
      const racing = interfering();
      const transfer = (interfere: boolean) => handlerOf(1, racing.store).handle({
        decide: (state) => {
          const moved = state(from).value;
          state(to);
          if (interfere) racing.interfere(to);
          return [{ streamId: from, events: [incremented(-moved - 1)] }, { streamId: to, events: [incremented(1)] }];
        },
      });
      expect((await transfer(false)).appended.map((r) => r.streamId)).toEqual([from, to]);
      await expect(transfer(true)).rejects.toBeInstanceOf(ConcurrencyError);
      expect([await store.streamVersion(from), await store.streamVersion(to)]).toEqual([1, 2]);
    });

    it("reloads and decides again when another writer got in between, then gives up with the typed error", async () => {
      const stream = `counter-${id("c")}` as const;
      const racing = interfering();
      let interfere = 1;
      const overtaken = await handlerOf(3, racing.store).handle({
        decide: (state) => {
          state(stream);
          if (interfere-- > 0) racing.interfere(stream);
          return [{ streamId: stream, events: [incremented(1)] }];
        },
      });
      expect(overtaken.attempts).toBe(2);
      expect(await store.streamVersion(stream)).toBe(2);
      let decisions = 0;
      const always = handlerOf(3, racing.store).handle({
        decide: (state) => {
          state(stream);
          decisions++;
          racing.interfere(stream);
          return [{ streamId: stream, events: [incremented(1)] }];
        },
      });
      await expect(always).rejects.toMatchObject({ code: "CONCURRENCY", streamId: stream });
      expect(decisions).toBe(3);
    });

    it("puts the command's metadata on every event: the command id defaults correlation and causation", async () => {
      const stream = `counter-${id("m")}` as const;
      const handler = handlerOf();
      await handler.handle({ commandId: id("cmd-"), metadata: { correlationId: "req-1", actor: "user:1", causationId: undefined }, decide: () => [{ streamId: stream, events: [incremented(1)] }] });
      await handler.handle({ metadata: { actor: "system:test" }, decide: () => [{ streamId: stream, events: [{ ...incremented(1), metadata: { actor: "event-own" } }] }] });
      const [withId, withoutId] = await store.readStream(stream);
      expect(withId!.metadata).toEqual({ commandId: `cmd-${driver}${n}`, correlationId: "req-1", causationId: `cmd-${driver}${n}`, actor: "user:1" });
      expect(withoutId!.metadata).toEqual({ actor: "event-own" });
    });
  });

  describe("command ids", () => {
    it("the same command id sent twice: one set of events, the first outcome, no second decision", async () => {
      const stream = `counter-${id("d")}` as const;
      const commandId = id("twice-");
      let decisions = 0;
      const send = () => handlerOf().handle({ commandId, decide: () => { decisions++; return [{ streamId: stream, events: [incremented(1), incremented(2)] }]; } });
      const first = await send();
      const second = await send();
      expect(first.duplicate).toBe(false);
      expect(second).toMatchObject({ duplicate: true, appended: first.appended, checkpoint: first.checkpoint });
      expect(decisions).toBe(1);
      expect(await countEvents(stream)).toBe(2);
      console.log(`[command-dedup:${driver}] sequential sends=2 events=${await countEvents(stream)} expected=2 duplicates=0`);
    });

    it("with `reads`, the id is looked up by the statement that loads those streams: the state is current, a repeat decides nothing", async () => {
      const stream = `counter-${id("k")}` as const;
      await store.append(stream, [incremented(3)]);
      const commandId = id("reads-");
      let decisions = 0;
      const seen: number[] = [];
      const send = () => handlerOf().handle({
        commandId,
        reads: () => [stream],
        decide: (state) => {
          decisions++;
          seen.push(state(stream).value);
          return [{ streamId: stream, events: [incremented(state(stream).value + 1)] }];
        },
      });
      const first = await send();
      const second = await send();
      expect(first.duplicate).toBe(false);
      expect(first.appended[0]!.nextExpectedVersion).toBe(2);
      expect(seen).toEqual([3]);
      expect(second).toMatchObject({ duplicate: true, appended: first.appended, checkpoint: first.checkpoint });
      expect(decisions).toBe(1);
      expect(await countEvents(stream)).toBe(2);
    });

    it("the same command id sent concurrently: one set of events, every caller gets the first outcome", async () => {
      const stream = `counter-${id("e")}` as const;
      const commandId = id("together-");
      const handler = handlerOf();
      const results = await Promise.all(Array.from({ length: 10 }, () =>
        handler.handle({ commandId, decide: (state) => [{ streamId: stream, events: [incremented(state(stream).value + 1)] }] })));
      expect(await countEvents(stream)).toBe(1);
      expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
      for (const r of results) expect({ appended: r.appended, checkpoint: r.checkpoint }).toEqual({ appended: results.find((x) => !x.duplicate)!.appended, checkpoint: results.find((x) => !x.duplicate)!.checkpoint });
      console.log(`[command-dedup:${driver}] concurrent senders=10 events=${await countEvents(stream)} expected=1 duplicates=0`);
    });

    it("records a command id whose decision was empty: a repeat answers the same though the state has changed", async () => {
      const stream = `counter-${id("f")}` as const;
      const commandId = id("noop-");
      const ifOpen = () => handlerOf().handle({ commandId, decide: (state) => (state(stream).open ? [{ streamId: stream, events: [incremented(1)] }] : []) });
      expect(await ifOpen()).toMatchObject({ appended: [], duplicate: false });
      await store.append(stream, [{ type: "Opened", data: {} }]);
      expect(await ifOpen()).toMatchObject({ appended: [], checkpoint: undefined, duplicate: true });
      expect(await countEvents(stream)).toBe(1);
    });

    it("records nothing when the decision refuses: the same id may be sent again once the state allows it", async () => {
      const stream = `counter-${id("g")}` as const;
      const commandId = id("refused-");
      const open = () => handlerOf().handle({ commandId, decide: (state) => {
        if (state(stream).open) throw new AlreadyOpen("already open");
        return [{ streamId: stream, events: [{ type: "Opened", data: {} }] }];
      } });
      await store.append(stream, [{ type: "Opened", data: {} }]);
      await expect(open()).rejects.toBeInstanceOf(AlreadyOpen);
      expect(await query(database.db, sql`select 1 from commands where command_id = ${commandId}`)).toHaveLength(0);
    });

    it("derives event ids from the command id, so the store's idempotency backs up a pruned commands row", async () => {
      const stream = `counter-${id("h")}` as const;
      const commandId = id("pruned-");
      const send = () => handlerOf().handle({ commandId, decide: () => [{ streamId: stream, events: [incremented(7)] }] });
      const first = await send();
      const [stored] = await store.readStream(stream);
      expect(stored!.eventId).toBe(commandEventId(commandId, stream, 0));
      await database.db.execute(sql`delete from commands where command_id = ${commandId}`);
      const again = await send();
      expect(again.appended[0]).toMatchObject({ idempotent: true, positions: first.appended[0]!.positions });
      expect(await countEvents(stream)).toBe(1);
    });

    it("does not deduplicate commands without an id", async () => {
      const stream = `counter-${id("i")}` as const;
      const send = () => handlerOf().handle({ decide: () => [{ streamId: stream, events: [incremented(1)] }] });
      await send();
      await send();
      expect(await countEvents(stream)).toBe(2);
    });
  });

  it("refuses bad input and configuration with typed errors, before writing", async () => {
    const stream = `counter-${id("j")}` as const;
    const decide = () => [{ streamId: stream, events: [incremented(1)] }];
    await expect(handlerOf().handle({ commandId: "", decide })).rejects.toBeInstanceOf(ValidationError);
    await expect(handlerOf().handle({ commandId: "x".repeat(201), decide })).rejects.toMatchObject({ code: "VALIDATION", path: "commandId" });
    await expect(handlerOf().handle({ decide: (state) => [{ streamId: "counter-x", events: [incremented((state as (s: string) => { value: number })("order-1").value)] }] }))
      .rejects.toBeInstanceOf(ConfigurationError);
    expect(() => createCommandHandler(store, { streamTypes: { counter: counterModel(0) }, read: readCounterEvent })).toThrow(ConfigurationError);
    expect(() => createCommandHandler(store, { streamTypes: { counter: counterModel(undefined, 1.5) }, read: readCounterEvent })).toThrow(ConfigurationError);
    await expect(handlerOf().handle({ maxAttempts: 0, decide })).rejects.toBeInstanceOf(ConfigurationError);
    expect(await store.streamVersion(stream)).toBe(0);
  });
}
