/** Deep equality of JSON values, ignoring object key order (jsonb does not keep it). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, i) => sameJson(item, other[i]));
  }
  const aKeys = Object.keys(a);
  const bObj = b as Record<string, unknown>;
  return aKeys.length === Object.keys(bObj).length
    && aKeys.every((key) => Object.hasOwn(bObj, key) && sameJson((a as Record<string, unknown>)[key], bObj[key]));
}
