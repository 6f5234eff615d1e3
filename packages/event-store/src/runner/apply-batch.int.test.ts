import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../db/database.ts";
import { START } from "../checkpoint.ts";
import { readAllPage } from "../read.ts";
import { createEventStore } from "../store.ts";
import { openTestDatabase } from "../testing/index.ts";
import { applyBatch, LostLeadership } from "./apply-batch.ts";
import { ensureCheckpoint, loadCheckpoint } from "./checkpoints.ts";
import { countingProjection, createTestTables } from "./test-projections.fixture.ts";

describe("a stale instance's batch (PGlite)", () => {
  let database: Database;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ database, close } = await openTestDatabase("pglite"));
    await createTestTables(database.db);
  });
  afterAll(async () => close());

  it("fails on rows another instance already wrote, and steps back instead of halting the projection", async () => {
    const store = createEventStore(database);
    await store.append("order-s", [{ type: "A", data: {} }, { type: "B", data: {} }]);
    const projection = countingProjection();
    await ensureCheckpoint(database.db, projection.name);
    const page = await readAllPage(database.db, START, 100, undefined);
    const target = { database, projection, checkpointName: projection.name, table: (t: string) => t };
    const policy = { attempts: 3, baseDelayMs: 1 };
    expect((await applyBatch(target, START, page, policy)).ok).toBe(true);
    // The same batch from the same, now stale, checkpoint: its test_applied rows collide with the first ones.
    await expect(applyBatch(target, START, page, policy)).rejects.toBeInstanceOf(LostLeadership);
    expect((await loadCheckpoint(database.db, projection.name))!.status).toBe("running");
  });
});
