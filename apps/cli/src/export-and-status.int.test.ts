import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { commandEventId } from "@chronicle/event-store";
import { allProjections } from "@chronicle/platform";

const run = promisify(execFile);
const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "chronicle-cli-export-"));
const outDir = mkdtempSync(path.join(os.tmpdir(), "chronicle-cli-specs-"));
const cli = (script: string, args: string[]) =>
  run(process.execPath, ["--import", "tsx", `src/${script}.ts`, ...args], { cwd: cliDir, env: { ...process.env, DATABASE_URL: "", PGLITE_DIR: dataDir } });

describe("export-test and status on the demo's log", () => {
  beforeAll(async () => {
    await cli("demo", []);
  });
  afterAll(() => {
    rmSync(`${dataDir}.master-key`, { force: true }); // the embedded master key, kept next to the data folder
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(outDir, { recursive: true, force: true });
  });

  it("writes the decision behind order 1001's OrderPlaced, and a slice of Alice's cart", async () => {
    // The seed's command ids are fixed, and so are the ids of the events they decide.
    const placed = commandEventId("story-3", "order-1001", 0);
    const decision = await cli("export-test", [placed, "--out", outDir]);
    expect(decision.stdout).toContain(path.join(outDir, "order-1001-v1-OrderPlaced.test.ts"));
    const source = readFileSync(path.join(outDir, "order-1001-v1-OrderPlaced.test.ts"), "utf8");
    expect(source).toContain("specification(orderDecider");
    expect(source).toContain('{ type: "PlaceOrder", data: { userId: "1", orderId: "1001" } }');
    await cli("export-test", ["cart-1", "1..2", "--out", outDir]);
    expect(readFileSync(path.join(outDir, "cart-1-v1-to-v2.test.ts"), "utf8")).toContain("reducerSpecification(cartDecider)");
  });

  it("says why when there is nothing to export, and shows the usage for bad arguments", async () => {
    const unknown = await cli("export-test", ["00000000-0000-4000-8000-000000000000", "--out", outDir]).catch((e: { code: number; stderr: string }) => e);
    expect(unknown).toMatchObject({ code: 1 });
    expect((unknown as { stderr: string }).stderr).toContain("export-test: No event 00000000-0000-4000-8000-000000000000");
    const bad = await cli("export-test", ["cart-1", "2-1"]).catch((e: { code: number; stderr: string }) => e);
    expect(bad).toMatchObject({ code: 2 });
    expect((bad as { stderr: string }).stderr).toContain("Usage: export-test");
  });

  it("status lists every projection the web app shows, with lag and waiting events", async () => {
    const { stdout } = await cli("status", []);
    const names = allProjections().map((p) => p.name);
    for (const name of names) expect(stdout).toMatch(new RegExp(`│\\s*\\d+\\s*│\\s*'${name}'\\s*│`));
    expect(stdout).toContain("waiting");
    // The shop's outbox relay, with its backlog: nothing has published the demo's events here.
    expect(stdout).toContain("Outbox relay");
    expect(stdout).toMatch(/│\s*0\s*│\s*'shop'\s*│/);
    expect(stdout).toMatch(/backlog/);
    console.log(`[status] ${names.length} projections listed: ${names.join(", ")}`);
  });
});
