import { createLogger, openPlatform, type Platform } from "@chronicle/platform";
import { loadEnv } from "./env.ts";

/** The database the environment names (PGlite by default), migrated, with the store and every projection. */
export async function openCliPlatform(): Promise<Platform> {
  const env = loadEnv();
  // The CLI prints its own output: the platform's log says only what went wrong.
  return openPlatform(env, { service: "cli", log: createLogger("cli", env.LOG_LEVEL === "info" ? "warn" : env.LOG_LEVEL) });
}
