import { describe } from "vitest";
import { shippingContract } from "./shipping.contract.ts";

describe("shipping on PGlite", () => shippingContract("pglite"));
