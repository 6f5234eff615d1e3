/**
 * How the handler turns one stream type's events into a state. The event store stays generic: a domain hands in
 * one of these per stream type (its deciders already have the shape).
 */
export interface StreamModel<S, E> {
  /**
   * Bump when `evolve` (or the upcasting in the handler's `read`) changes meaning: snapshots taken by another
   * version are then ignored and rebuilt.
   */
  readonly reducerVersion: number;
  initialState(): S;
  /** Pure: a new state from the previous one and the next event of the stream. */
  evolve(state: S, event: E): S;
  /**
   * Save a snapshot when a stream of this type is this many events past its latest one; unset means never. The
   * state must then be plain JSON (objects, arrays, strings, finite numbers, booleans, null).
   */
  readonly snapshotEvery?: number;
}

/** The models by stream type: the `order` of `order-1001`. */
export type StreamModels<E> = Record<string, StreamModel<unknown, E>>;

export type StateOf<M> = M extends StreamModel<infer S, never> ? S : never;

/**
 * Reads a stream's current state while deciding. Synchronous, because deciding is pure: a stream not loaded yet
 * is loaded by the handler, which then runs the decision again. The stream type in the id picks the state's type.
 */
export type StateReader<M> = <T extends keyof M & string>(streamId: `${T}-${string}`) => StateOf<M[T]>;

/** A stream's state as loaded: from its latest usable snapshot (version `snapshotVersion`, 0 if none) plus the tail. */
export interface LoadedStream<S = unknown> {
  readonly version: number;
  readonly state: S;
  readonly snapshotVersion: number;
}
