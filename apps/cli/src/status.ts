/** `pnpm --filter @chronicle/cli status`: every projection's state, position, lag and last error. */
import { formatCheckpoint, projectionStatuses } from "@chronicle/event-store";
import { openCliPlatform } from "./open-platform.ts";

const platform = await openCliPlatform();
try {
  const rows = (await projectionStatuses(platform.store, platform.projections)).map((s) => ({
    projection: s.name,
    state: s.state,
    checkpoint: formatCheckpoint(s.checkpoint),
    lag: s.lag,
    leader: s.leader ?? "-",
    error: s.error ? `${s.error.message} (event ${s.error.eventId})` : "",
  }));
  console.table(rows);
} finally {
  await platform.close();
}
