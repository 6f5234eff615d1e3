import { describeOnPostgres } from "@chronicle/event-store/testing";
import { createNatsTransport } from "./nats-transport.ts";
import { deleteStreams } from "./testing/nats.ts";
import { describeOnNats } from "./testing/index.ts";
import { relayContract } from "./relay.contract.ts";

describeOnPostgres("relay on Postgres", () => {
  describeOnNats("with the NATS transport", (url) => {
    relayContract("postgres", async (deadLetterStream) => ({
      transport: createNatsTransport({ url, deadLetterStream, name: "relay-contract-test" }),
      cleanup: (streams) => deleteStreams(url, streams),
    }));
  });
});
