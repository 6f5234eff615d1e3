import { describe } from "vitest";
import { createInProcessTransport } from "./in-process-transport.ts";
import { relayContract } from "./relay.contract.ts";

// The embedded default: PGlite and the in-process transport, no server at all — its messages in memory, or kept
// in the same database as the log.
describe("relay on PGlite with the in-process transport in memory", () => {
  relayContract("pglite", async (deadLetterStream) => ({ transport: createInProcessTransport({ deadLetterStream }), cleanup: async () => {} }));
});

describe("relay on PGlite with the in-process transport kept in the database", () => {
  relayContract("pglite", async (deadLetterStream, database) => ({ transport: createInProcessTransport({ deadLetterStream, database }), cleanup: async () => {} }));
});
