import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventStore, type EventStore } from "./store.ts";
import type { Database } from "./db/database.ts";
import { openTestDatabase } from "./testing/index.ts";

const BATCH = 250;
const EVENTS = 40 * BATCH;

describe("readAll streams the log in bounded memory (PGlite)", () => {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  /** Rows the driver has handed over for reads of the log, counted at the driver. */
  let fetched = 0;

  beforeAll(async () => {
    ({ database, close } = await openTestDatabase("pglite"));
    store = createEventStore(database);
    for (let i = 0; i < EVENTS / 1000; i++) {
      await store.append(`order-bulk${i}`, Array.from({ length: 1000 }, (_, j) => ({ type: "Bulk", data: { n: i * 1000 + j } })));
    }
    // Count every row the driver returns to a read of the log, whoever asks.
    const client = (database.db as unknown as { session: { client: { query(text: string, params?: unknown[]): Promise<{ rows: unknown[] }> } } }).session.client;
    const query = client.query.bind(client);
    client.query = async (text, params) => {
      const result = await query(text, params);
      if (/from events/i.test(text) && /order by events\.tx_id, events\.position/i.test(text)) fetched += result.rows.length;
      return result;
    };
  }, 180_000);
  afterAll(async () => close());

  it(`holds at most one batch of rows at a time while reading ${EVENTS} events (${EVENTS / BATCH} times the batch)`, async () => {
    let consumed = 0;
    let mostHeld = 0;
    for await (const event of store.readAll({ batchSize: BATCH })) {
      consumed++;
      mostHeld = Math.max(mostHeld, fetched - consumed + 1);
      expect(event.type).toBe("Bulk");
    }
    console.log(`[readAll-bounded] events=${consumed} batch=${BATCH} rowsFetched=${fetched} mostRowsHeldAtOnce=${mostHeld}`);
    expect(consumed).toBe(EVENTS);
    expect(fetched).toBe(EVENTS);
    expect(mostHeld).toBeLessThanOrEqual(BATCH);
  });
});
