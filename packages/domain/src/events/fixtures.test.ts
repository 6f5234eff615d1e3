/// <reference types="node" />
// Test-only I/O: the golden fixtures are files checked into the repo, read here and nowhere in the domain.
import { readFileSync, readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { parseEvent } from "./parse-event.ts";
import { eventRegistry, type EventTypeEntry } from "./registry.ts";
import { upcast } from "./upcast.ts";

const directory = new URL("../../fixtures/events/", import.meta.url);
const registry: Readonly<Record<string, EventTypeEntry>> = eventRegistry;
const required = Object.entries(registry).flatMap(([type, entry]) =>
  Object.keys(entry.versions).map((version) => ({ type, version: Number(version), file: `${type}.v${version}.json` })),
);

describe("golden event fixtures", () => {
  it("exist for every (type, schema version) in the registry, and only for those", () => {
    const present = readdirSync(directory).filter((file) => file.endsWith(".json"));
    const missing = required.map(({ file }) => file).filter((file) => !present.includes(file));
    const orphaned = present.filter((file) => !required.some((entry) => entry.file === file));
    expect(missing, "add fixtures/events/<Type>.v<N>.json for each new schema version").toEqual([]);
    expect(orphaned, "a fixture names a type or version the registry does not know").toEqual([]);
  });

  it.each(required)("$file parses under its own version and upcasts to the current one", ({ type, version, file }) => {
    const stored = JSON.parse(readFileSync(new URL(file, directory), "utf8")) as { type: string; schemaVersion: number; data: unknown };
    expect({ type: stored.type, schemaVersion: stored.schemaVersion }).toEqual({ type, schemaVersion: version });
    const schema = registry[type]?.versions[version] as z.ZodType;
    expect(schema.safeParse(stored.data).error).toBeUndefined();
    const event = upcast(stored);
    expect(event.type).toBe(type);
    expect(parseEvent(event)).toEqual(event);
  });

  it("the registry knows every version from 1 to the current one, with an upcaster out of each older one", () => {
    for (const [type, entry] of Object.entries(registry)) {
      const versions = Object.keys(entry.versions).map(Number);
      expect(versions, type).toEqual(Array.from({ length: entry.currentVersion }, (_, index) => index + 1));
      const upcasters = Object.keys(entry.upcasters).map(Number);
      expect(upcasters, type).toEqual(versions.slice(0, -1));
    }
  });
});
