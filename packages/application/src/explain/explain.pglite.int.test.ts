import { describe } from "vitest";
import { explainContract } from "./explain.contract.ts";

describe("explaining the log (PGlite)", () => explainContract("pglite"));
