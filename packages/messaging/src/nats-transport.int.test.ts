import { describe } from "vitest";
import { createNatsTransport } from "./nats-transport.ts";
import { describeOnNats } from "./testing/index.ts";
import { deleteStreams } from "./testing/nats.ts";
import { transportContract } from "./transport.contract.ts";

describeOnNats("NATS transport: the transport contract on a real JetStream server", (url) => {
  describe("contract", () => {
    transportContract(async (deadLetterStream) => ({
      transport: createNatsTransport({ url, deadLetterStream, name: "messaging-contract-test" }),
      cleanup: (streams) => deleteStreams(url, streams),
    }));
  });
});
