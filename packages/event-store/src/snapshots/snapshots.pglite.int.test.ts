import { describe } from "vitest";
import { snapshotsContract } from "./snapshots.contract.ts";

describe("snapshots on PGlite", () => snapshotsContract("pglite"));
