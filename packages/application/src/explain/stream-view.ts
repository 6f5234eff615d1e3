import { diffStates, DomainError, fold, stateAtVersion, type StateChange } from "@chronicle/domain";
import { streamTypeOf, type EventStore, type StoredEvent } from "@chronicle/event-store";
import { streamReducerFor } from "./stream-reducer.ts";

interface StreamFacts {
  readonly streamId: string;
  readonly streamType: string;
  readonly length: number;
  /** Which fold made the states, in words (a shop decider's, or the generic one for other streams). */
  readonly reducer: { readonly kind: "shop" | "generic"; readonly note: string };
  readonly events: readonly { eventId: string; version: number; type: string; recordedAt: string }[];
}

export interface StreamAtVersion extends StreamFacts {
  readonly version: number;
  readonly state: unknown;
  /** What the event at this version changed. */
  readonly changes: readonly StateChange[];
  readonly event: StoredEvent | null;
}

export interface StreamComparisonView extends StreamFacts {
  readonly from: { readonly version: number; readonly state: unknown };
  readonly to: { readonly version: number; readonly state: unknown };
  /** Every leaf that differs between the two versions. */
  readonly changes: readonly StateChange[];
}

async function load(store: EventStore, streamId: string) {
  const streamType = streamTypeOf(streamId);
  const stored = await store.readStream(streamId);
  if (stored.length === 0) throw new DomainError("NOT_FOUND", `Stream ${streamId} has no events`);
  const { kind, note, reducer } = streamReducerFor(streamType);
  const facts: StreamFacts = {
    streamId,
    streamType,
    length: stored.length,
    reducer: { kind, note },
    events: stored.map((e) => ({ eventId: e.eventId, version: e.streamVersion, type: e.type, recordedAt: e.recordedAt })),
  };
  return { stored, reducer, facts };
}

/** Time travel: any stream at any version (0..its length; the latest when left out), with what that event changed. */
export async function streamAtVersion(store: EventStore, streamId: string, version?: number): Promise<StreamAtVersion> {
  const { stored, reducer, facts } = await load(store, streamId);
  const at = Math.min(version ?? stored.length, stored.length);
  const view = stateAtVersion(reducer, stored, at);
  return { ...facts, version: at, state: view.state, changes: view.changes, event: at > 0 ? stored[at - 1]! : null };
}

/** Any two versions of a stream side by side, and every difference between them (not only k-1 and k). */
export async function compareVersions(store: EventStore, streamId: string, a: number, b: number): Promise<StreamComparisonView> {
  const { stored, reducer, facts } = await load(store, streamId);
  for (const v of [a, b]) {
    if (!Number.isSafeInteger(v) || v < 0 || v > stored.length) {
      throw new DomainError("VALIDATION", `${streamId} has versions 0..${stored.length}, got ${v}`);
    }
  }
  const stateA = fold(reducer, stored.slice(0, a));
  const stateB = fold(reducer, stored.slice(0, b));
  return { ...facts, from: { version: a, state: stateA }, to: { version: b, state: stateB }, changes: diffStates(stateA, stateB) };
}
