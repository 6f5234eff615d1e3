import { describe } from "vitest";
import { commandRecordContract } from "./command-record.contract.ts";

describe("the command on record, on PGlite", () => commandRecordContract("pglite"));
