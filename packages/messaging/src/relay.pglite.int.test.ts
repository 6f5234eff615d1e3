import { describe } from "vitest";
import { createInProcessTransport } from "./in-process-transport.ts";
import { relayContract } from "./relay.contract.ts";

// The embedded default: PGlite and the in-process transport, no server at all.
describe("relay on PGlite with the in-process transport", () => {
  relayContract("pglite", async (deadLetterStream) => ({ transport: createInProcessTransport({ deadLetterStream }), cleanup: async () => {} }));
});
