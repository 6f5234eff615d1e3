/// <reference types="node" />
// Test-only I/O: the golden fixtures are files checked into the repo, read here and nowhere in the domain.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { EventTypeEntry } from "@chronicle/domain";
import { parseShipmentEvent, shipmentEventRegistry, upcastShipmentEvent } from "./registry.ts";

const directory = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "fixtures", "events");
const registry: Readonly<Record<string, EventTypeEntry>> = shipmentEventRegistry;
const required = Object.entries(registry).flatMap(([type, entry]) =>
  Object.keys(entry.versions).map((version) => ({ type, version: Number(version), file: `${type}.v${version}.json` })),
);

describe("golden shipment event fixtures", () => {
  it("exist for every (type, schema version) in the registry, and only for those", () => {
    const present = readdirSync(directory).filter((file) => file.endsWith(".json"));
    expect(required.map(({ file }) => file).filter((file) => !present.includes(file)), "add fixtures/events/<Type>.v<N>.json").toEqual([]);
    expect(present.filter((file) => !required.some((entry) => entry.file === file)), "a fixture the registry does not know").toEqual([]);
  });

  it.each(required)("$file parses under its own version and upcasts to the current one", ({ type, version, file }) => {
    const stored = JSON.parse(readFileSync(path.join(directory, file), "utf8")) as { type: string; schemaVersion: number; data: unknown };
    expect({ type: stored.type, schemaVersion: stored.schemaVersion }).toEqual({ type, schemaVersion: version });
    expect(registry[type]?.versions[version]?.safeParse(stored.data).error).toBeUndefined();
    const event = upcastShipmentEvent(stored);
    expect(event.type).toBe(type);
    expect(parseShipmentEvent(event)).toEqual(event);
  });

  it("an unknown type or version is a typed error, not a crash", () => {
    expect(() => upcastShipmentEvent({ type: "ShipmentTeleported", schemaVersion: 1, data: {} })).toThrow(expect.objectContaining({ code: "UNKNOWN_EVENT_TYPE" }));
    expect(() => upcastShipmentEvent({ type: "ShipmentPacked", schemaVersion: 9, data: {} })).toThrow(expect.objectContaining({ code: "UPCAST_FAILED" }));
  });
});
