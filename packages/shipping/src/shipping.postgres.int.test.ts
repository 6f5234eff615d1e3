import { describeOnPostgres } from "@chronicle/event-store/testing";
import { shippingContract } from "./shipping.contract.ts";

describeOnPostgres("shipping on Postgres", () => shippingContract("postgres"));
