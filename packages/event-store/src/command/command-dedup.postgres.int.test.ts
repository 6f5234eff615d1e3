import { randomUUID } from "node:crypto";
import { isDeepStrictEqual } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createEventStore, type EventStore } from "../store.ts";
import { query, type Database } from "../db/database.ts";
import { describeOnPostgres, openTestDatabase } from "../testing/index.ts";
import { createCommandHandler } from "./handle-command.ts";
import { AlreadyOpen, counterModel, incremented, readCounterEvent } from "./counter.fixture.ts";
import type { Command, HandleCommandResult } from "./types.ts";

const SENDERS = 20;
const ROUNDS = 20;
const streamTypes = { counter: counterModel(), tally: counterModel() };
type Models = typeof streamTypes;

describeOnPostgres("the same command id sent concurrently, on real Postgres", () => {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ database, close } = await openTestDatabase("postgres", { poolSize: SENDERS }));
    store = createEventStore(database);
  });
  afterAll(async () => close());

  const countEvents = async (streamIds: string[]) =>
    Number((await query<{ c: string }>(database.db, sql`select count(*) as c from events
      where stream_id = any(string_to_array(${streamIds.join(",")}, ','))`))[0]!.c);

  /**
   * Each round, SENDERS copies of one command (each through its own handler, like separate processes) start at
   * once. Exactly one set of events may be stored, and every caller must get that one outcome.
   */
  async function race(scenario: string, eventsPerCommand: number, command: (round: number) => { streams: string[] } & Command<Models>) {
    let events = 0;
    let firstHandlings = 0;
    let sameOutcome = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const { streams, ...sent } = command(round);
      const commandId = `${scenario}-${round}-${randomUUID()}`;
      const results: HandleCommandResult[] = await Promise.all(Array.from({ length: SENDERS }, () =>
        createCommandHandler(store, { streamTypes, read: readCounterEvent }).handle({ ...sent, commandId })));
      events += await countEvents(streams);
      firstHandlings += results.filter((r) => !r.duplicate).length;
      const first = results.find((r) => !r.duplicate)!;
      sameOutcome += results.filter((r) => isDeepStrictEqual([r.appended, r.checkpoint], [first.appended, first.checkpoint])).length;
    }
    const expected = ROUNDS * eventsPerCommand;
    console.log(`[command-dedup] scenario=${scenario} senders=${SENDERS} rounds=${ROUNDS} events=${events} expected=${expected} ` +
      `duplicates=${events - expected} firstHandlings=${firstHandlings} sameOutcome=${sameOutcome}/${SENDERS * ROUNDS}`);
    expect({ events, firstHandlings, sameOutcome }).toEqual({ events: expected, firstHandlings: ROUNDS, sameOutcome: SENDERS * ROUNDS });
  }

  it("one stream: one set of events, all callers get the same outcome", async () => {
    await race("one-stream", 2, (round) => {
      const stream = `counter-one${round}` as const;
      return { streams: [stream], decide: (state) => [{ streamId: stream, events: [incremented(state(stream).value + 1), incremented(1)] }] };
    });
  });

  it("two streams in one transaction: one set of events in each", async () => {
    await race("two-streams", 2, (round) => {
      const from = `counter-from${round}` as const;
      const to = `tally-to${round}` as const;
      return { streams: [from, to], decide: (state) => {
        const moved = state(from).value + state(to).value + 1;
        return [{ streamId: from, events: [incremented(-moved)] }, { streamId: to, events: [incremented(moved)] }];
      } };
    });
  });

  it("random event ids (no help from the store's idempotency): the commands table alone keeps it to one set", async () => {
    await race("random-event-ids", 1, (round) => {
      const stream = `counter-random${round}` as const;
      return { streams: [stream], decide: (state) => [{ streamId: stream, events: [{ ...incremented(state(stream).value + 1), eventId: randomUUID() }] }] };
    });
  });

  it("a decision that refuses a second time: late copies see the winner's events, yet get its outcome, not an error", async () => {
    await race("refuses-when-done", 1, (round) => {
      const stream = `counter-once${round}` as const;
      return { streams: [stream], decide: (state) => {
        if (state(stream).open) throw new AlreadyOpen(`${stream} is already open`);
        return [{ streamId: stream, events: [{ type: "Opened", data: {} }] }];
      } };
    });
  });

  it("distinct command ids on one stream: all applied through bounded retries, versions contiguous", async () => {
    const stream = "counter-contended" as const;
    const results = await Promise.all(Array.from({ length: SENDERS }, (_, i) =>
      createCommandHandler(store, { streamTypes, read: readCounterEvent, maxAttempts: SENDERS + 1 })
        .handle({ commandId: `distinct-${i}-${randomUUID()}`, decide: (state) => [{ streamId: stream, events: [incremented(state(stream).events + 1)] }] })));
    const versions = (await store.readStream(stream)).map((e) => e.streamVersion);
    const retries = results.reduce((sum, r) => sum + r.attempts - 1, 0);
    console.log(`[command-dedup] scenario=distinct-ids senders=${SENDERS} events=${versions.length} expected=${SENDERS} retries=${retries} max-attempts-used=${Math.max(...results.map((r) => r.attempts))}`);
    expect(versions).toEqual(Array.from({ length: SENDERS }, (_, i) => i + 1));
    expect(results.every((r) => !r.duplicate)).toBe(true);
  });
});
