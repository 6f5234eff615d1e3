import { describeOnPostgres } from "@chronicle/event-store/testing";
import { readModelsContract } from "./read-models.contract.ts";

describeOnPostgres("read models on Postgres", () => readModelsContract("postgres", 25));
