import type { CommandMetadata } from "../shared/metadata.ts";
import type { StreamType } from "../shared/stream-ids.ts";

/** Anything that folds events into a state: every decider, and every read model. */
export interface Reducer<S, E> {
  initialState(): S;
  /** Pure: returns a new state and never mutates `state` or `event`. */
  evolve(state: S, event: E): S;
}

export type NoDependencies = Record<never, never>;

/**
 * The third argument of `decide`: the call's metadata (time, ids) plus the read dependencies the command handler
 * pre-loads from *other* streams (e.g. the product being added to a cart). The decider itself never loads.
 */
export type DecideContext<Deps extends object = NoDependencies> = Readonly<Deps> & {
  readonly metadata: CommandMetadata;
};

/** `T`: the stream types of the bounded context the decider belongs to (the shop's by default). */
export interface Decider<C, E, S, Deps extends object = NoDependencies, T extends string = StreamType> extends Reducer<S, E> {
  readonly streamType: T;
  /** Bump when `evolve` changes meaning: snapshots taken by another version are ignored and rebuilt. */
  readonly reducerVersion: number;
  /** The stream a command is about, e.g. `cart-<userId>` for AddProductToCart. */
  streamIdOf(command: C): string;
  /** New events (possibly none: an idempotent repeat) or a thrown DomainError. */
  decide(command: C, state: S, context: DecideContext<Deps>): readonly E[];
}
