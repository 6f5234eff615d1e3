import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { describe, it } from "vitest";
import { testEnv } from "./index.ts";
import { natsServerBinary } from "./nats-server.ts";

export { freePort, natsServerBinary, startOwnNatsServer, type OwnNatsServer } from "./nats-server.ts";

/** Deletes a test's streams (and so their consumers) from a shared server. */
export async function deleteStreams(url: string, names: string[]): Promise<void> {
  const nc = await connect({ servers: url });
  try {
    const jsm = await jetstreamManager(nc);
    for (const name of names) await jsm.streams.delete(name).catch(() => false);
  } finally {
    await nc.close();
  }
}

/**
 * `describe` for suites that start, stop and restart a NATS server of their own (never the shared one). Without the
 * binary they are skipped locally (the name says so); under CI that is a failure.
 */
export function describeWithNatsServer(name: string, suite: (binary: string) => void): void {
  const binary = natsServerBinary();
  if (binary) {
    describe(name, () => suite(binary));
  } else if (testEnv.CI) {
    describe(name, () => {
      it("has the nats-server binary (required under CI)", () => {
        throw new Error("nats-server was not found (PATH or NATS_SERVER_BIN): under CI the NATS outage proof must run");
      });
    });
  } else {
    describe.skipIf(true)(`${name} (skipped: no nats-server binary; set NATS_SERVER_BIN)`, () => suite(""));
  }
}

