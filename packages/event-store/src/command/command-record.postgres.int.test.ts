import { describeOnPostgres } from "../testing/index.ts";
import { commandRecordContract } from "./command-record.contract.ts";

describeOnPostgres("the command on record, on Postgres", () => commandRecordContract("postgres"));
