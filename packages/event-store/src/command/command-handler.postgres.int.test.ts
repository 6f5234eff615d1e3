import { describeOnPostgres } from "../testing/index.ts";
import { commandHandlerContract } from "./command-handler.contract.ts";

describeOnPostgres("command handler on Postgres", () => commandHandlerContract("postgres"));
