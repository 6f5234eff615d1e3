import "server-only";
import type { WebRuntime } from "@chronicle/platform";
import { sharedRuntime } from "./shared-runtime";

/** The process's one runtime (see shared-runtime.ts). */
export function getRuntime(): Promise<WebRuntime> {
  return sharedRuntime();
}
