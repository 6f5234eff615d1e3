import type { Reducer } from "../deciders/decider.ts";

/**
 * Current state = a left fold of `evolve` from `from` (a snapshot's state) or the initial state. Takes any
 * iterable, so a caller can stream a long log through it in bounded memory instead of loading an array.
 */
export function fold<S, E>(reducer: Reducer<S, E>, events: Iterable<E>, from?: S): S {
  let state = from === undefined ? reducer.initialState() : from;
  for (const event of events) state = reducer.evolve(state, event);
  return state;
}

/** The same fold over an async source (a cursor over the event store, page by page). */
export async function foldAsync<S, E>(
  reducer: Reducer<S, E>,
  events: AsyncIterable<E> | Iterable<E>,
  from?: S,
): Promise<S> {
  let state = from === undefined ? reducer.initialState() : from;
  for await (const event of events) state = reducer.evolve(state, event);
  return state;
}
