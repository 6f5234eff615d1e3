import type { Reducer } from "../deciders/decider.ts";
import { DomainError } from "../errors/domain-error.ts";
import { diffStates, type StateChange } from "./diff.ts";

/** A stream seen at version k: the state after its first k events, and what event k changed. */
export interface VersionView<S, E> {
  readonly version: number;
  readonly state: S;
  /** Event number k (1-based, like stream versions); undefined at version 0. */
  readonly event: E | undefined;
  readonly changes: readonly StateChange[];
}

/** Every version from 1 on, one at a time: the time-travel timeline, streamed. */
export function* timeline<S, E>(reducer: Reducer<S, E>, events: Iterable<E>): Generator<VersionView<S, E>> {
  let state = reducer.initialState();
  let version = 0;
  for (const event of events) {
    const next = reducer.evolve(state, event);
    version += 1;
    yield { version, state: next, event, changes: diffStates(state, next) };
    state = next;
  }
}

/** Time travel: the state of any stream (or read model) at version k, 0 <= k <= number of events. */
export function stateAtVersion<S, E>(reducer: Reducer<S, E>, events: Iterable<E>, k: number): VersionView<S, E> {
  if (!Number.isSafeInteger(k) || k < 0) {
    throw new DomainError("VALIDATION", `A version is a whole number >= 0, got ${k}`);
  }
  let state = reducer.initialState();
  if (k === 0) return { version: 0, state, event: undefined, changes: [] };
  let version = 0;
  for (const event of events) {
    const next = reducer.evolve(state, event);
    version += 1;
    // Only the requested step is diffed: earlier ones would cost a full state comparison each.
    if (version === k) return { version, state: next, event, changes: diffStates(state, next) };
    state = next;
  }
  throw new DomainError("NOT_FOUND", `The stream has ${version} events; there is no version ${k}`);
}
