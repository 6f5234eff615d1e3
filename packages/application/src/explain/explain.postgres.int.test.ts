import { describeOnPostgres } from "@chronicle/event-store/testing";
import { explainContract } from "./explain.contract.ts";

describeOnPostgres("explaining the log (Postgres)", () => explainContract("postgres"));
