import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { describe } from "vitest";
import { createNatsTransport } from "./nats-transport.ts";
import { describeOnNats } from "./testing/index.ts";
import { transportContract } from "./transport.contract.ts";

/** Deletes the test's streams (and so their consumers) from the shared server. */
export async function deleteStreams(url: string, names: string[]): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    for (const name of names) await jsm.streams.delete(name).catch(() => false);
  } finally {
    await nc.close();
  }
}

describeOnNats("NATS transport: the transport contract on a real JetStream server", (url) => {
  describe("contract", () => {
    transportContract(async (deadLetterStream) => ({
      transport: createNatsTransport({ url, deadLetterStream, name: "messaging-contract-test" }),
      cleanup: (streams) => deleteStreams(url, streams),
    }));
  });
});
