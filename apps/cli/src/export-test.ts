/**
 * `pnpm --filter @chronicle/cli export-test <eventId>`: the decision behind an event as a spec file for
 * `@chronicle/domain/testing`'s `specification` (given the stream as the command read it, when the recorded command,
 * then the events it decided). `export-test <streamId> <a>..<b>`: versions a..b of a stream as a reducer spec.
 * The file goes to `--out <folder>` (default: the folder pnpm was started in); it runs with vitest under packages/domain/src.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { exportDecisionSpec, exportSliceSpec, type SpecFile } from "@chronicle/application";
import { isDomainError } from "@chronicle/domain";
import { isEventStoreError } from "@chronicle/event-store";
import { loadEnv } from "./env.ts";
import { openCliPlatform } from "./open-platform.ts";

const USAGE = "Usage: export-test <eventId> | export-test <streamId> <from>..<to>   [--out <folder>]";
const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: "string" } } });
const [target, range] = positionals;
const slice = range?.match(/^(\d+)\.\.(\d+)$/);
if (!target || positionals.length > 2 || (range !== undefined && !slice)) {
  console.error(USAGE);
  process.exit(2);
}

const platform = await openCliPlatform();
try {
  const spec: SpecFile = slice
    ? await exportSliceSpec(platform.store, target, Number(slice[1]), Number(slice[2]))
    : await exportDecisionSpec(platform.store, target);
  const file = path.resolve(values.out ?? loadEnv().INIT_CWD ?? process.cwd(), spec.fileName);
  writeFileSync(file, spec.source);
  console.log(`Wrote ${file}`);
  console.log(`It runs in the domain package: put it under packages/domain/src, then pnpm --filter @chronicle/domain exec vitest run ${spec.fileName}`);
} catch (error) {
  if (!isDomainError(error) && !isEventStoreError(error)) throw error;
  console.error(`export-test: ${error.message}`);
  process.exitCode = 1;
} finally {
  await platform.close();
}
