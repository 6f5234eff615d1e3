import { describeOnPostgres } from "../testing/index.ts";
import { auditContract } from "./audit.contract.ts";

describeOnPostgres("audit log on real Postgres", () => auditContract("postgres"));
