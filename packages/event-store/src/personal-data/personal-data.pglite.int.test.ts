import { describe } from "vitest";
import { personalDataContract } from "./personal-data.contract.ts";

describe("personal data (crypto-shredding) on PGlite", () => personalDataContract("pglite"));
