import { createTestDatabase, describeOnPostgres } from "@chronicle/event-store/testing";
import { openWebHarness } from "../testing/web-harness.ts";
import { explainApiContract } from "./explain-api.contract.ts";

describeOnPostgres("explaining the log through the API (Postgres, worker inline)", (serverUrl) => explainApiContract(async () => {
  const database = await createTestDatabase(serverUrl);
  const harness = await openWebHarness({ DATABASE_URL: database.url, WORKER: "inline" });
  return { harness, async close() { await harness.close(); await database.drop(); } };
}));
