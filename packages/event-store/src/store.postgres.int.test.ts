import { eventStoreContract } from "./store.contract.ts";
import { describeOnPostgres } from "./testing/index.ts";

describeOnPostgres("event store contract on Postgres", () => eventStoreContract("postgres"));
