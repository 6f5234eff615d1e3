import { pino, type Logger } from "pino";
import type { PlatformEnv } from "./env.ts";

export type { Logger };

/** One structured logger per process, named by its service (web, worker, cli, …). */
export function createLogger(service: string, level: PlatformEnv["LOG_LEVEL"], fields: Record<string, unknown> = {}): Logger {
  return pino({ level, base: { service, ...fields } });
}
