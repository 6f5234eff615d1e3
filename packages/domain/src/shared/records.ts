/**
 * Read models and states are plain JSON objects keyed by ids (so snapshots serialize as they are). Ids are caller
 * data, and an id like "constructor" would find Object.prototype's member through a plain `record[id]`: every
 * keyed read goes through `lookup`, every write through these copy-on-write helpers.
 */
export function lookup<V>(record: Readonly<Record<string, V>>, key: string): V | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function withEntry<V>(record: Readonly<Record<string, V>>, key: string, value: V): Readonly<Record<string, V>> {
  return { ...record, [key]: value };
}

export function withoutEntry<V>(record: Readonly<Record<string, V>>, key: string): Readonly<Record<string, V>> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}
