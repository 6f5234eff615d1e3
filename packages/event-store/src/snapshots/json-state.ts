import { ConfigurationError } from "../errors.ts";

/**
 * Serializes a state for a snapshot, refusing what JSON would silently change: a Map, a Date, a class instance, an
 * undefined value or NaN would come back different, and a state loaded from that snapshot would differ from the
 * replayed one. Refused here, the stream simply stays unsnapshotted (and the model's author is told).
 */
export function toJsonState(state: unknown, streamType: string): string {
  const problem = findNonJson(state, "state", 0);
  if (problem) {
    throw new ConfigurationError(`stream type ${streamType}: ${problem}; snapshots need a plain JSON state (or no snapshotEvery)`);
  }
  return JSON.stringify(state);
}

function findNonJson(value: unknown, path: string, depth: number): string | undefined {
  if (depth > 64) return `${path} is nested more than 64 levels deep`;
  switch (typeof value) {
    case "string":
      return value.includes("\u0000") ? `${path} contains a NUL character` : undefined;
    case "boolean":
      return undefined;
    case "number":
      return Number.isFinite(value) ? undefined : `${path} is ${value}`;
    case "object": {
      if (value === null) return undefined;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) {
          const found = findNonJson(value[i], `${path}[${i}]`, depth + 1);
          if (found) return found;
        }
        return undefined;
      }
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return `${path} is a ${value.constructor?.name ?? "class instance"}`;
      for (const [key, item] of Object.entries(value)) {
        const found = findNonJson(item, `${path}.${key}`, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    default:
      return `${path} is ${typeof value === "undefined" ? "undefined" : `a ${typeof value}`}`;
  }
}
