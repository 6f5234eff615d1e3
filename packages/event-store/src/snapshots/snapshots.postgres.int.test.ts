import { describeOnPostgres } from "../testing/index.ts";
import { snapshotsContract } from "./snapshots.contract.ts";

describeOnPostgres("snapshots on Postgres", () => snapshotsContract("postgres"));
