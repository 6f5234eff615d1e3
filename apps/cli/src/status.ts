/**
 * `pnpm --filter @chronicle/cli status`: every projection the web app shows (the platform's one list), with its state,
 * position, lag, the committed events waiting behind an open transaction, and its last error; the shop's outbox relay
 * (its position, backlog of events not yet on the broker, leader); then that transaction and the fulfillment commands
 * parked for a retry.
 */
import { listParkedCommands } from "@chronicle/fulfillment";
import { formatCheckpoint, projectionStatuses, readHold } from "@chronicle/event-store";
import { relayStatus } from "@chronicle/messaging";
import { openCliPlatform } from "./open-platform.ts";

const platform = await openCliPlatform();
try {
  const [statuses, hold, parked, relay] = await Promise.all([
    projectionStatuses(platform.store, platform.projections),
    readHold(platform.store),
    listParkedCommands(platform.database.db),
    relayStatus(platform.store, "shop"),
  ]);
  console.table(statuses.map((s) => ({
    projection: s.name,
    state: s.state,
    checkpoint: formatCheckpoint(s.checkpoint),
    lag: s.lag,
    waiting: s.waiting,
    leader: s.leader ?? "-",
    error: s.error ? `${s.error.message} (event ${s.error.eventId})` : "",
  })));
  console.log("Outbox relay (the shop's integration events → the broker):");
  console.table([{
    relay: relay.name,
    state: relay.state,
    position: formatCheckpoint(relay.position),
    backlog: relay.backlog,
    leader: relay.leader ?? "-",
    heartbeat: relay.heartbeatAt ?? "-",
    error: relay.error ? `${relay.error.message} (event ${relay.error.eventId})` : "",
  }]);
  if (hold.blockers.length > 0) {
    console.log(`${hold.waiting} committed event(s) wait for ${hold.blockers.length} open transaction(s) to end:`);
    console.table(hold.blockers.map((b) => ({ pid: b.pid ?? "?", database: b.database ?? "?", application: b.application ?? "", state: b.state ?? "",
      "age (s)": b.ageSeconds ?? "?", query: b.query ?? "(not visible to this role)" })));
  }
  if (parked.length > 0) {
    console.log(`${parked.length} fulfillment command(s) parked (retry them on the admin's projections page):`);
    console.table(parked.map((p) => ({ command: p.commandId, type: p.command.type, reason: p.reason, attempts: p.attempts, error: (p.lastError ?? "").slice(0, 80) })));
  }
} finally {
  await platform.close();
}
