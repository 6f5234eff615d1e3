import { describe } from "vitest";
import { eventStoreContract } from "./store.contract.ts";

describe("event store contract on PGlite", () => eventStoreContract("pglite"));
