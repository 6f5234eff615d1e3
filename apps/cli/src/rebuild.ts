/**
 * `pnpm --filter @chronicle/cli rebuild <projection>`: replays the log into fresh copies of a read model's tables
 * while the current ones keep serving, then swaps them in — with a progress bar.
 */
import { SingleBar, Presets } from "cli-progress";
import { rebuildProjection } from "@chronicle/event-store";
import { openCliPlatform } from "./open-platform.ts";

const name = process.argv[2];
const platform = await openCliPlatform();
const { store } = platform;
const projection = platform.projections.find((p) => p.name === name);
if (!projection) {
  console.error(`Usage: rebuild <projection>; one of: ${platform.projections.map((p) => p.name).join(", ")}`);
  await platform.close();
  process.exit(2);
}
const bar = new SingleBar({ format: `${name} [{bar}] {percentage}% | {value}/{total} events | {eta_formatted} left` }, Presets.shades_classic);
let started = false;
try {
  await rebuildProjection(store.database, projection, {
    onProgress: ({ done, total }) => {
      if (!started) bar.start(Math.max(total, 1), done);
      started = true;
      bar.setTotal(Math.max(total, 1));
      bar.update(done);
    },
  });
  if (started) bar.update(bar.getTotal());
  bar.stop();
  console.log(`Rebuilt ${name}: the new tables are live.`);
} finally {
  bar.stop();
  await platform.close();
}
