import { describe } from "vitest";
import { forgetContract } from "./forget.contract.ts";

describe("forgetting a customer on PGlite: the API, the read models, and a scan of the data folder", () => forgetContract("pglite"));
