/**
 * `pnpm --filter @chronicle/cli rotate-master-key`: re-wraps every customer's data key under a new master key; the
 * log is not touched. Stop the web app and the workers first (a process holding the old key cannot read the
 * re-wrapped keys), then start them with the new key.
 * - Embedded PGlite (no DATABASE_URL, no PERSONAL_DATA_MASTER_KEY): makes a new key and replaces the key file.
 * - Otherwise: NEW_PERSONAL_DATA_MASTER_KEY is the new key; set it as PERSONAL_DATA_MASTER_KEY afterwards.
 */
import { rotateMasterKey } from "@chronicle/platform";
import { loadEnv } from "./env.ts";
import { openCliPlatform } from "./open-platform.ts";

const env = loadEnv();
const platform = await openCliPlatform();
try {
  const result = await rotateMasterKey(platform.database, platform.env, env.NEW_PERSONAL_DATA_MASTER_KEY);
  console.log(`Re-wrapped ${result.rewrapped} subject key(s) under the new master key; no event changed.`);
  console.log(result.keyFile
    ? `The new key is in ${result.keyFile}.`
    : "Now set PERSONAL_DATA_MASTER_KEY to the new key (NEW_PERSONAL_DATA_MASTER_KEY) for every process, and start them.");
} finally {
  await platform.close();
}
