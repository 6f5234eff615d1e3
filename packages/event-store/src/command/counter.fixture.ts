import type { StoredEvent } from "../types.ts";
import type { StreamModel } from "../stream-model.ts";

/** A tiny generic domain for the handler's tests: counters that go up by `by`, and open once. */
export type CounterEvent = { type: "Incremented"; by: number } | { type: "Opened" };

export interface CounterState {
  open: boolean;
  value: number;
  events: number;
}

export const counterModel = (snapshotEvery?: number, reducerVersion = 1): StreamModel<CounterState, CounterEvent> => ({
  reducerVersion,
  snapshotEvery,
  initialState: () => ({ open: false, value: 0, events: 0 }),
  evolve: (state, event) =>
    event.type === "Opened"
      ? { ...state, open: true, events: state.events + 1 }
      // Version 2 of the reducer counts double: enough to tell which reducer folded a state.
      : { ...state, value: state.value + event.by * reducerVersion, events: state.events + 1 },
});

export const readCounterEvent = (event: StoredEvent): CounterEvent =>
  event.type === "Opened" ? { type: "Opened" } : { type: "Incremented", by: Number(event.data.by) };

export const incremented = (by: number) => ({ type: "Incremented", data: { by } });

/** What a decision refuses; a stand-in for a domain's typed error. */
export class AlreadyOpen extends Error {
  readonly code = "ILLEGAL_STATE";
}
