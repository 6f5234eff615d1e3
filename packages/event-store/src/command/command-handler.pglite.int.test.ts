import { describe } from "vitest";
import { commandHandlerContract } from "./command-handler.contract.ts";

describe("command handler on PGlite", () => commandHandlerContract("pglite"));
