import { describe } from "vitest";
import { auditContract } from "./audit.contract.ts";

describe("audit log on PGlite", () => auditContract("pglite"));
