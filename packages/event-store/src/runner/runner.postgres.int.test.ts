import { describeOnPostgres } from "../testing/index.ts";
import { projectionRunnerContract } from "./runner.contract.ts";

describeOnPostgres("projection runner on Postgres", () => projectionRunnerContract("postgres"));
