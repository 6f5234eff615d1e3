// A relay in a process of its own, for the crash proofs: killed with kill -9 at random moments.
import { createEventStore, openDatabase } from "@chronicle/event-store";
import { createNatsTransport } from "../nats-transport.ts";
import { startRelay } from "../relay.ts";
import { widgetMessages } from "../testing/widgets.ts";
import { report, setting } from "./child.ts";

const database = await openDatabase({ url: setting("PROOF_DATABASE_URL"), poolSize: 4 });
const store = createEventStore(database);
const transport = createNatsTransport({ url: setting("PROOF_NATS_URL"), name: "relay-proof-child" });
const relay = startRelay(store, {
  name: setting("PROOF_RELAY_NAME"),
  transport,
  toMessages: widgetMessages(setting("PROOF_PREFIX"), setting("PROOF_RUN")),
  batchSize: 100,
  takeoverIntervalMs: 100,
  pollIntervalMs: 200,
  log: (message, fields) => report({ log: message, ...fields }),
});

// What it has had acknowledged so far (the last line before a kill is what the proof can count).
const timer = setInterval(() => report({ counts: relay.counts(), leading: relay.leading() }), 100);
process.once("SIGTERM", () => {
  clearInterval(timer);
  void relay.stop().then(async () => {
    report({ stopped: true, counts: relay.counts() });
    await transport.close();
    await database.close();
  });
});
