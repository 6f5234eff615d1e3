/** Freezes a JSON-like value all the way down, so any attempt to mutate it throws (ES modules run strict). */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
