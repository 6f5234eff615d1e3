import { describe } from "vitest";
import { shopContract } from "./shop.contract.ts";

describe("the shop on the event store (PGlite)", () => shopContract("pglite"));
