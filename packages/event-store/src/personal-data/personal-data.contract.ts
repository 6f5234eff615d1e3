import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { query, type Database } from "../db/database.ts";
import { createEventStore, type EventStore } from "../store.ts";
import { openTestDatabase, type TestDriver } from "../testing/index.ts";
import { auditLog, eventById } from "../audit/audit-log.ts";
import { ConfigurationError, ValidationError } from "../errors.ts";
import { newMasterKeyText, parseMasterKey } from "./master-key.ts";
import { ERASED_VALUE, protectPersonalData, type PersonalDataClassifier } from "./protection.ts";
import { eventsOfSubject, forgetSubject } from "./forget.ts";
import { rewrapSubjectKeys, verifyMasterKey } from "./subject-keys.ts";
import { isSealedField } from "./field-cipher.ts";

/** A stand-in for an application's schemas: `Person*` events of `person-<id>` streams, `name` and `email` personal. */
const classify: PersonalDataClassifier = (event) => {
  const data = event.data as Record<string, unknown>;
  if (!event.type.startsWith("Person") || typeof data.personId !== "string") return undefined;
  return { subject: `person-${data.personId}`, fields: ["name", "email"].filter((f) => Object.hasOwn(data, f)) };
};

/** Crypto-shredding in the store: run by one test file per driver. */
export function personalDataContract(driver: TestDriver): void {
  let database: Database;
  let store: EventStore;
  let close: () => Promise<void>;
  const master = parseMasterKey(newMasterKeyText());
  const rawData = async (streamId: string) =>
    (await query<{ data: Record<string, unknown> }>(database.db, sql`select data from events where stream_id = ${streamId} order by stream_version`)).map((r) => r.data);

  beforeAll(async () => {
    ({ database, close } = await openTestDatabase(driver));
    await verifyMasterKey(database.db, master);
    protectPersonalData(database, { master, classify });
    store = createEventStore(database);
  });
  afterAll(async () => close());

  it("stores personal fields encrypted and reads them as plaintext on every read path", async () => {
    await store.append("person-1", [
      { type: "PersonRegistered", data: { personId: "1", name: "Zelda Quux", email: { kind: "known", address: "zelda@example.com" } } },
      { type: "PersonMoved", data: { personId: "1", city: "Lyon" } },
    ]);
    const [stored, moved] = await rawData("person-1");
    expect(isSealedField(stored!.name)).toBe(true);
    expect(isSealedField(stored!.email)).toBe(true);
    expect(JSON.stringify(stored)).not.toMatch(/Zelda|zelda/);
    expect(moved).toEqual({ personId: "1", city: "Lyon" });
    const expected = { personId: "1", name: "Zelda Quux", email: { kind: "known", address: "zelda@example.com" } };
    expect((await store.readStream("person-1"))[0]!.data).toEqual(expected);
    const all = [];
    for await (const event of store.readAll()) if (event.streamId === "person-1") all.push(event);
    expect(all[0]!.data).toEqual(expected);
    expect((await eventById(store, all[0]!.eventId))!.data).toEqual(expected);
    expect((await auditLog(store, { streamId: "person-1" }, null)).events.at(-1)!.data).toEqual(expected);
    const seen: unknown[] = [];
    const subscription = store.subscribe({}, (event) => {
      if (event.streamId === "person-1") seen.push(event.data);
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await subscription.stop();
    expect(seen[0]).toEqual(expected);
    expect(await store.transaction(async (session) => (await session.readStream("person-1"))[0]!.data)).toEqual(expected);
  });

  it("leaves events without personal fields untouched, and a retried append is idempotent", async () => {
    await store.append("order-9", [{ type: "OrderPlaced", data: { name: "not a person" } }]);
    expect(await rawData("order-9")).toEqual([{ name: "not a person" }]);
    const event = { eventId: "0190f2c4-0000-7000-8000-000000000001", type: "PersonRenamed", data: { personId: "1", name: "Zelda R." } };
    const first = await store.append("person-1", [event]);
    const again = await store.append("person-1", [event]);
    expect(again).toMatchObject({ idempotent: true, positions: first.positions });
  });

  it("forgets a subject: its fields read as erased everywhere, others stay, the log rows are unchanged, twice is a no-op", async () => {
    await store.append("person-2", [{ type: "PersonRegistered", data: { personId: "2", name: "Other Person", email: "other@example.com" } }]);
    const before = await rawData("person-1");
    await database.db.execute(sql`insert into snapshots (stream_id, reducer_version, stream_type, version, state) values ('person-1', 1, 'person', 1, '{"name":"Zelda Quux"}')`);
    const result = await forgetSubject(store, "person-1", { streams: ["person-1"] });
    expect(result).toMatchObject({ keyDestroyed: true, snapshotsDeleted: 1 });
    expect(await rawData("person-1")).toEqual(before);
    const read = await store.readStream("person-1");
    expect(read[0]!.data).toEqual({ personId: "1", name: ERASED_VALUE, email: ERASED_VALUE });
    expect(read[1]!.data).toEqual({ personId: "1", city: "Lyon" });
    expect((await store.readStream("person-2"))[0]!.data).toMatchObject({ name: "Other Person" });
    expect(await forgetSubject(store, "person-1", { streams: ["person-1"] })).toMatchObject({ keyDestroyed: false });
    expect(await eventsOfSubject(store, "person-2")).toHaveLength(1);
    await expect(store.append("person-1", [{ type: "PersonRenamed", data: { personId: "1", name: "Back" } }])).rejects.toThrow(ValidationError);
  });

  it("plaintext events written before encryption stay readable, and read as erased once their subject is forgotten", async () => {
    await database.db.execute(sql`insert into streams (stream_id, stream_type, version) values ('person-3', 'person', 1)`);
    await database.db.execute(sql`insert into events (event_id, stream_id, stream_type, stream_version, type, data)
      values (gen_random_uuid(), 'person-3', 'person', 1, 'PersonRegistered', '{"personId":"3","name":"Legacy Name"}')`);
    expect((await store.readStream("person-3"))[0]!.data).toEqual({ personId: "3", name: "Legacy Name" });
    await forgetSubject(store, "person-3", { streams: ["person-3"] });
    expect((await store.readStream("person-3"))[0]!.data).toEqual({ personId: "3", name: ERASED_VALUE });
  });

  it("refuses a wrong master key at start, naming the setting; rotation re-wraps the keys and changes no event", async () => {
    await expect(verifyMasterKey(database.db, parseMasterKey(newMasterKeyText()))).rejects.toThrow(ConfigurationError);
    await expect(verifyMasterKey(database.db, parseMasterKey(newMasterKeyText()))).rejects.toThrow(/PERSONAL_DATA_MASTER_KEY/);
    expect(() => parseMasterKey(undefined)).toThrow(/PERSONAL_DATA_MASTER_KEY is not set/);
    expect(() => parseMasterKey("short")).toThrow(/PERSONAL_DATA_MASTER_KEY must be 32 random bytes/);
    const eventsBefore = await query(database.db, sql`select event_id, data from events order by position`);
    const next = parseMasterKey(newMasterKeyText(), "NEW_PERSONAL_DATA_MASTER_KEY");
    const rewrapped = await database.db.transaction((tx) => rewrapSubjectKeys(tx, master, next));
    expect(rewrapped).toBe(1); // person-2 (person-1 and person-3 are forgotten)
    await expect(verifyMasterKey(database.db, master)).rejects.toThrow(ConfigurationError);
    await verifyMasterKey(database.db, next);
    expect(await query(database.db, sql`select event_id, data from events order by position`)).toEqual(eventsBefore);
    const rotated = createEventStore(database);
    protectPersonalData(database, { master: next, classify });
    expect((await rotated.readStream("person-2"))[0]!.data).toMatchObject({ name: "Other Person" });
  });
}

