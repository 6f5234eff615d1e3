import { describe } from "vitest";
import { readModelsContract } from "./read-models.contract.ts";

describe("read models on PGlite", () => readModelsContract("pglite", 25));
