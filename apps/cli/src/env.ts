import { z } from "zod";
import { parseEnv, PlatformEnvSchema } from "@chronicle/platform";

/** The platform's settings, and where pnpm was started (pnpm runs a package's script in the package's folder). */
export const CliEnvSchema = PlatformEnvSchema.extend({
  INIT_CWD: z.string().optional(),
  /** rotate-master-key: the master key to re-wrap every subject key under. */
  NEW_PERSONAL_DATA_MASTER_KEY: z.string().min(1).optional(),
});
export type CliEnv = z.infer<typeof CliEnvSchema>;

/** The only place the CLI reads the environment: bad settings stop it here, with the reason. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  return parseEnv(CliEnvSchema, source);
}
