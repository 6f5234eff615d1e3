import type { Decider } from "../deciders/decider.ts";
import { fold } from "./fold.ts";

/** A state saved at stream version `version` (the number of events folded into it) by a given reducer version. */
export interface Snapshot<S> {
  readonly version: number;
  readonly reducerVersion: number;
  readonly state: S;
}

export function takeSnapshot<C, E, S, D extends object>(decider: Decider<C, E, S, D>, state: S, version: number): Snapshot<S> {
  return { version, reducerVersion: decider.reducerVersion, state };
}

/**
 * A snapshot made by another reducer version is not trusted: the caller must fold from the start instead.
 * `tail` are the events after the snapshot's version (all events when `snapshot` is undefined or stale).
 */
export function isSnapshotUsable<C, E, S, D extends object>(
  decider: Decider<C, E, S, D>,
  snapshot: Snapshot<S> | undefined,
): snapshot is Snapshot<S> {
  return snapshot !== undefined && snapshot.reducerVersion === decider.reducerVersion;
}

export function foldFromSnapshot<C, E, S, D extends object>(
  decider: Decider<C, E, S, D>,
  snapshot: Snapshot<S>,
  tail: Iterable<E>,
): S {
  return fold(decider, tail, snapshot.state);
}
