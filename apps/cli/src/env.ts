import { parseEnv, PlatformEnvSchema, type PlatformEnv } from "@chronicle/platform";

/** The only place the CLI reads the environment: bad settings stop it here, with the reason. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): PlatformEnv {
  return parseEnv(PlatformEnvSchema, source);
}
