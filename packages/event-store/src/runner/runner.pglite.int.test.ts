import { describe } from "vitest";
import { projectionRunnerContract } from "./runner.contract.ts";

describe("projection runner on PGlite", () => projectionRunnerContract("pglite"));
