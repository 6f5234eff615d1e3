/** One leaf that differs between two states: `path` like "items.0.quantity" ("" for the whole state). */
export interface StateChange {
  readonly path: string;
  readonly before: unknown;
  readonly after: unknown;
}

/** What an event changed, for the time-travel view: a structural diff of two plain JSON-like states. */
export function diffStates(before: unknown, after: unknown, path = ""): readonly StateChange[] {
  if (Object.is(before, after)) return [];
  if (isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...keys].flatMap((key) =>
      diffStates(
        Object.hasOwn(before, key) ? (before as Record<string, unknown>)[key] : undefined,
        Object.hasOwn(after, key) ? (after as Record<string, unknown>)[key] : undefined,
        path === "" ? key : `${path}.${key}`,
      ),
    );
  }
  return [{ path, before, after }];
}

function isContainer(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}
