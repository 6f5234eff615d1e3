/** `pnpm --filter @chronicle/cli status`: every projection's state, position, lag and last error. */
import { formatCheckpoint, projectionStatuses } from "@chronicle/event-store";
import { shopProjections } from "@chronicle/projections";
import { openStore } from "./open-store.ts";

const { store, close } = await openStore();
try {
  const rows = (await projectionStatuses(store, shopProjections)).map((s) => ({
    projection: s.name,
    state: s.state,
    checkpoint: formatCheckpoint(s.checkpoint),
    lag: s.lag,
    leader: s.leader ?? "-",
    error: s.error ? `${s.error.message} (event ${s.error.eventId})` : "",
  }));
  console.table(rows);
} finally {
  await close();
}
