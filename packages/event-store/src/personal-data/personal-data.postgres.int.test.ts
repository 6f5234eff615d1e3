import { describeOnPostgres } from "../testing/index.ts";
import { personalDataContract } from "./personal-data.contract.ts";

describeOnPostgres("personal data (crypto-shredding) on Postgres", () => personalDataContract("postgres"));
