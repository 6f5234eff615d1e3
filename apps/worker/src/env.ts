import { z } from "zod";
import { parseEnv, PlatformEnvSchema } from "@chronicle/platform";

/** The worker's settings: the platform's, plus its own. */
const WorkerEnvSchema = PlatformEnvSchema.extend({
  /** Shown as the leader of what this instance applies (default: a random runner id). */
  WORKER_ID: z.string().min(1).max(100).optional(),
  POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(60_000).default(500),
});
export type WorkerEnv = z.infer<typeof WorkerEnvSchema>;

/** The only place the worker reads its environment: a bad setting stops it before it touches anything. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): WorkerEnv {
  return parseEnv(WorkerEnvSchema, source);
}
