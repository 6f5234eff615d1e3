import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  adminOrdersReducer,
  currentSchemaVersion,
  ERASED,
  toVersionedEvent,
  overviewReducer,
  personalDataOf,
  salesPerDayReducer,
  type Overview,
  type ShopEventType,
} from "@chronicle/domain";
import { ARB_USER_IDS, commandSequenceArb, runTolerantly } from "@chronicle/domain/testing";
import { createEventStore, newMasterKeyText, parseMasterKey, protectPersonalData, verifyMasterKey, type EventStore } from "@chronicle/event-store";
import { openTestDatabase } from "@chronicle/event-store/testing";
import { forgetCustomer } from "./forget-customer.ts";
import { replay } from "./replay.ts";

async function readModels(store: EventStore) {
  return {
    overview: await replay(store, overviewReducer),
    adminOrders: await replay(store, adminOrdersReducer),
    salesPerDay: await replay(store, salesPerDayReducer),
  };
}

const userStream = async (store: EventStore, userId: string) => (await store.readStream(`user-${userId}`)).map((e) => ({ type: e.type, data: e.data }));

/** What forgetting `forgotten` must turn a user's events into: the same events, personal fields erased, plus the forget. */
function erasedUserStream(events: { type: string; data: Record<string, unknown> }[], userId: string) {
  const erased = events.map((event) => {
    const fields = personalDataOf({ type: event.type, schemaVersion: currentSchemaVersion(event.type as ShopEventType), data: event.data })?.fields ?? [];
    return { type: event.type, data: Object.fromEntries(Object.entries(event.data).map(([k, v]) => [k, fields.includes(k) ? ERASED : v])) };
  });
  return [...erased, { type: "CustomerForgotten", data: { userId, requestedBy: "admin" } }];
}

describe("forgetting customers, over random histories (PGlite, the encryption layer on)", () => {
  it("forgetting any subset leaves every other customer's data and every read model as before, except the erased fields", async () => {
    let runs = 0;
    let forgottenTotal = 0;
    await fc.assert(
      // Few runs, each on a fresh database: every run pays for PGlite and its migrations (about 8 s on this machine).
      fc.asyncProperty(commandSequenceArb(25), fc.subarray<string>([...ARB_USER_IDS], { minLength: 1 }), async (commands, forgotten) => {
        const { database, close } = await openTestDatabase("pglite");
        try {
          const master = parseMasterKey(newMasterKeyText());
          await verifyMasterKey(database.db, master);
          protectPersonalData(database, { master, classify: personalDataOf });
          const store = createEventStore(database);
          // The history is decided in memory (the deciders, quickly) and its events appended as they were decided.
          for (const { streamId, event } of runTolerantly(commands).shop.log()) await store.append(streamId, [toVersionedEvent(event)]);
          const before = await readModels(store);
          const streamsBefore = Object.fromEntries(await Promise.all(ARB_USER_IDS.map(async (id) => [id, await userStream(store, id)] as const)));
          for (const userId of forgotten) await forgetCustomer(store, userId, "admin", { now: "2024-06-01T00:00:00.000Z", actor: "admin:property" });
          const after = await readModels(store);
          const expectedOverview: Overview = {
            ...before.overview,
            users: before.overview.users.map((user) => (forgotten.includes(user.userId) ? { userId: user.userId, name: ERASED } : user)),
          };
          expect(after.overview).toEqual(expectedOverview);
          expect(after.adminOrders).toEqual(before.adminOrders);
          expect(after.salesPerDay).toEqual(before.salesPerDay);
          for (const userId of ARB_USER_IDS) {
            const stream = await userStream(store, userId);
            if (forgotten.includes(userId)) expect(stream).toEqual(erasedUserStream(streamsBefore[userId]!, userId));
            else expect(stream).toEqual(streamsBefore[userId]);
          }
          runs++;
          forgottenTotal += forgotten.length;
        } finally {
          await close();
        }
      }),
      { numRuns: 6, endOnFailure: true },
    );
    console.log(`forget property: ${runs} random histories, ${forgottenTotal} customers forgotten in all, every other read model equal`);
  }, 300_000);
});
