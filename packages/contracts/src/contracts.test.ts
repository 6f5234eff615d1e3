/// <reference types="node" />
// Test-only I/O: the golden fixtures are files checked into the repo.
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { CONTRACTS, CONTRACT_NAMES, isContractName } from "./contracts.ts";
import { parseContractMessage } from "./message.ts";

const directory = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "contracts");

describe("golden contract fixtures", () => {
  it("exist for every contract version, and only for those", () => {
    const present = readdirSync(directory).filter((file) => file.endsWith(".json"));
    expect(present.sort()).toEqual(CONTRACT_NAMES.map((name) => `${name}.json`).sort());
  });

  it.each(CONTRACT_NAMES)("%s: its fixture still parses, unchanged (a released contract never changes shape)", (name) => {
    const fixture = JSON.parse(readFileSync(path.join(directory, `${name}.json`), "utf8")) as { type: string; data: unknown };
    expect(fixture.type).toBe(name);
    expect(CONTRACTS[name].parse(fixture.data)).toEqual(fixture.data);
    expect(parseContractMessage(fixture)).toEqual(fixture);
  });

  it("every contract name is versioned and names its service: <service>.<aggregate>.<event>.v<N>", () => {
    for (const name of CONTRACT_NAMES) expect(name).toMatch(/^(shop|shipping)\.[a-z]+\.[a-z]+\.v[1-9][0-9]*$/);
  });

  it("refuses an unknown contract and data that breaks its contract, with typed errors", () => {
    expect(isContractName("shop.order.exploded.v1")).toBe(false);
    expect(() => parseContractMessage({ type: "shop.order.exploded.v1", data: {} })).toThrow(expect.objectContaining({ code: "UNKNOWN_EVENT_TYPE" }));
    expect(() => parseContractMessage({ type: "shop.order.cancelled.v1", data: { orderId: "1001" } })).toThrow(
      expect.objectContaining({ code: "VALIDATION", message: expect.stringMatching(/cancelledAt/) }),
    );
  });
});
