import { describeOnPostgres } from "@chronicle/event-store/testing";
import { forgetContract } from "./forget.contract.ts";

describeOnPostgres("forgetting a customer on Postgres: the API, the read models, and pg_dump of the whole database", () => forgetContract("postgres"));
