import type { Database, Executor } from "../db/database.ts";
import { ValidationError } from "../errors.ts";
import { newEventId } from "../ids.ts";
import type { JsonObject, NewEvent, StoredEvent } from "../types.ts";
import { isSealedField, openField, sealField } from "./field-cipher.ts";
import type { MasterKey } from "./master-key.ts";
import { SubjectKeys, type SubjectKey } from "./subject-keys.ts";

/** What a personal field reads as once its subject is forgotten (the domain's `Erased` marker). */
export const ERASED_VALUE: Readonly<{ erased: true }> = Object.freeze({ erased: true as const });

/**
 * Which person an event is about and which top-level fields of its data are theirs — the application's knowledge
 * (its schemas), handed to the generic store. Undefined: the event is about no one.
 */
export type PersonalDataClassifier = (event: { type: string; schemaVersion: number; data: unknown }) =>
  | { subject: string; fields: readonly string[] }
  | undefined;

export interface PersonalDataOptions {
  master: MasterKey;
  classify: PersonalDataClassifier;
}

/**
 * The encryption layer, applied at two points only: `protect` before an append serializes the events, `reveal` after
 * any read turns rows into events. Events that carry no personal field pass through untouched (no key lookup, no
 * copy), so only appends and reads of personal events pay for it.
 */
export class PersonalDataProtection {
  readonly keys: SubjectKeys;

  constructor(readonly options: PersonalDataOptions) {
    this.keys = new SubjectKeys(options.master);
  }

  /**
   * Encrypts the personal fields of `events` with their subjects' keys (made on first use, in the same transaction).
   * `beforeKeyWrite` runs before a new key is written: the store takes the stream's lock there, because that write
   * gives the transaction its id, and stream order needs the lock first.
   */
  async protect(executor: Executor, events: readonly NewEvent[], beforeKeyWrite: () => Promise<void> = async () => {}): Promise<NewEvent[]> {
    const plans = this.plansOf(events);
    if (plans.every((plan) => plan === undefined)) return events as NewEvent[];
    const keys = await this.keys.findOrCreate(executor, [...new Set(plans.flatMap((plan) => (plan ? [plan.subject] : [])))], beforeKeyWrite);
    return events.map((event, index) => {
      const plan = plans[index];
      if (plan === undefined) return event;
      const key = keys.get(plan.subject);
      if (key === undefined || key === "forgotten") {
        throw new ValidationError(`data subject ${plan.subject} was forgotten: their personal data is not stored again`, `events[${index}].data`);
      }
      const eventId = event.eventId ?? newEventId();
      const data: JsonObject = { ...event.data };
      for (const field of plan.fields) {
        if (Object.hasOwn(data, field) && !isSealedField(data[field])) data[field] = sealField(plan.subject, key, eventId.toLowerCase(), field, data[field]);
      }
      return { ...event, eventId, data };
    });
  }

  /** Whether `protect` would encrypt anything of these events (and so may have to write a subject key). */
  carriesPersonalData(events: readonly NewEvent[]): boolean {
    return this.plansOf(events).some((plan) => plan !== undefined);
  }

  private plansOf(events: readonly NewEvent[]) {
    return events.map((event) => {
      if (typeof event !== "object" || event === null || typeof event.data !== "object" || event.data === null) return undefined;
      const found = this.options.classify({ type: event.type, schemaVersion: event.schemaVersion ?? 1, data: event.data });
      return found && found.fields.some((field) => Object.hasOwn(event.data, field) && !isSealedField(event.data[field])) ? found : undefined;
    });
  }

  /**
   * Decrypts the personal fields of stored events; a field whose key was destroyed reads as ERASED_VALUE. Events
   * written before encryption hold their personal fields in plaintext: they read as they are while their subject is
   * known, and as ERASED_VALUE once the subject is forgotten (the row itself cannot change; see README).
   */
  async reveal(executor: Executor, events: StoredEvent[]): Promise<StoredEvent[]> {
    let plans: ({ subject: string; fields: readonly string[] } | undefined)[] | undefined;
    for (let index = 0; index < events.length; index++) {
      const event = events[index]!;
      const found = this.options.classify(event);
      if (found === undefined || found.fields.length === 0) continue;
      plans ??= new Array<undefined>(events.length);
      plans[index] = found;
    }
    if (plans === undefined) return events;
    const subjects = new Set<string>();
    plans.forEach((plan, index) => {
      if (!plan) return;
      subjects.add(plan.subject);
      for (const field of plan.fields) {
        const value = events[index]!.data[field];
        if (isSealedField(value)) subjects.add(value.$personal.subject);
      }
    });
    const keys = await this.keys.find(executor, [...subjects]);
    return events.map((event, index) => {
      const plan = plans[index];
      return plan ? { ...event, data: revealData(event, plan, keys) } : event;
    });
  }
}

function revealData(event: StoredEvent, plan: { subject: string; fields: readonly string[] }, keys: Map<string, SubjectKey>): JsonObject {
  const data: JsonObject = { ...event.data };
  for (const field of plan.fields) {
    if (!Object.hasOwn(data, field)) continue;
    const value = data[field];
    if (isSealedField(value)) {
      const key = keys.get(value.$personal.subject);
      data[field] = key === undefined || key === "forgotten" ? ERASED_VALUE : openField(value, key, event.eventId, field);
    } else if (keys.get(plan.subject) === "forgotten") {
      data[field] = ERASED_VALUE; // a plaintext field of an event written before encryption
    }
  }
  return data;
}

/**
 * One registry per process, not per copy of this module: a bundler may load the store more than once (Next's server
 * chunks do), and a reader from another copy must still find the layer that the process turned on.
 */
const REGISTRY = Symbol.for("chronicle.event-store.personal-data");
const protections: WeakMap<Database, PersonalDataProtection> = ((globalThis as Record<symbol, unknown>)[REGISTRY] ??=
  new WeakMap<Database, PersonalDataProtection>()) as WeakMap<Database, PersonalDataProtection>;

/** Turns the encryption layer on for every store, runner and audit read over `database`. */
export function protectPersonalData(database: Database, options: PersonalDataOptions): PersonalDataProtection {
  const protection = new PersonalDataProtection(options);
  protections.set(database, protection);
  return protection;
}

/** Turns the layer off again (benchmarks compare both on one database; an application never does this). */
export function stopProtectingPersonalData(database: Database): void {
  protections.delete(database);
}

export function protectionOf(database: Database): PersonalDataProtection | undefined {
  return protections.get(database);
}

/** Every read path goes through this: plaintext (or ERASED_VALUE) out, whatever the rows hold. */
export async function revealEvents(database: Database, executor: Executor, events: StoredEvent[]): Promise<StoredEvent[]> {
  const protection = protections.get(database);
  return protection === undefined || events.length === 0 ? events : protection.reveal(executor, events);
}
