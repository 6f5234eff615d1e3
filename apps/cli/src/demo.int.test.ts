import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createEventStore, openDatabase } from "@chronicle/event-store";

const run = promisify(execFile);
const cliDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dataDir = mkdtempSync(path.join(os.tmpdir(), "chronicle-cli-"));
const demo = (env: Record<string, string>) =>
  run(process.execPath, ["--import", "tsx", "src/demo.ts"], { cwd: cliDir, env: { ...process.env, DATABASE_URL: "", ...env } });

describe("the demo a new user runs (npm start), on a fresh embedded database", () => {
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(`${dataDir}.master-key`, { force: true }); // the embedded master key, kept next to the data folder
  });

  it("seeds the article's story once and prints the same story from every view", async () => {
    const first = await demo({ PGLITE_DIR: dataDir });
    expect(first.stdout).toContain("Seeded the demo: 15 commands, 16 events.");
    expect(first.stdout).toContain("users:  1 Alice, 2 Bob");
    expect(first.stdout).toContain("cart of user 1: (empty)");
    expect(first.stdout).toContain("cart of user 2: 1 x product 102");
    expect(first.stdout).toMatch(/order 1001 of user 1: 2 x 101 @ 12\.00 EUR = 24\.00 EUR/);
    expect(first.stdout).toMatch(/13\s+order-1001\s+1\s+OrderPlaced/);
    const second = await demo({ PGLITE_DIR: dataDir });
    expect(second.stdout).toContain("nothing seeded");
    expect(second.stdout).toContain("users:  1 Alice, 2 Bob");
  });

  it("still prints the story after an admin skipped an event (the platform's own events are not the shop's)", async () => {
    const database = await openDatabase({ dataDir });
    try {
      await createEventStore(database).append("projection-orders", [{ type: "ProjectionEventSkipped", data: { projection: "orders", reason: "test" } }]);
    } finally {
      await database.close();
    }
    const again = await demo({ PGLITE_DIR: dataDir });
    expect(again.stdout).toMatch(/projection-orders\s+1\s+ProjectionEventSkipped/);
    expect(again.stdout).toContain("users:  1 Alice, 2 Bob");
  });

  it("stops with a clear message on a bad DATABASE_URL, before touching anything", async () => {
    const failed = await demo({ DATABASE_URL: "mysql://nope" }).catch((e: { stderr: string; code: number }) => e);
    expect((failed as { code: number }).code).not.toBe(0);
    expect((failed as { stderr: string }).stderr).toContain("DATABASE_URL: must be a postgres:// or postgresql:// URL");
  });
});
