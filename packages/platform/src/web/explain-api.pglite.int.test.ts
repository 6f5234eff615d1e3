import { describe } from "vitest";
import { openWebHarness } from "../testing/web-harness.ts";
import { explainApiContract } from "./explain-api.contract.ts";

describe("explaining the log through the API (PGlite)", () => explainApiContract(async () => {
  const harness = await openWebHarness();
  return { harness, close: () => harness.close() };
}));
