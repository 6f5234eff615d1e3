import { describeOnPostgres } from "@chronicle/event-store/testing";
import { shopContract } from "./shop.contract.ts";

describeOnPostgres("the shop on the event store (Postgres)", () => shopContract("postgres"));
