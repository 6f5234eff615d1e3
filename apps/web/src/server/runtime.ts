import "server-only";
import { openWebRuntime, type WebRuntime } from "@chronicle/platform";
import { loadWebEnv } from "./env";

// One runtime per server process, shared by route handlers, server components and instrumentation (dev reloads
// modules, so it lives on globalThis). A failed start is not cached: the next request tries again and shows why.
const holder = globalThis as unknown as { chronicleRuntime?: Promise<WebRuntime> };

export function getRuntime(): Promise<WebRuntime> {
  holder.chronicleRuntime ??= openWebRuntime(loadWebEnv()).catch((error: unknown) => {
    holder.chronicleRuntime = undefined;
    throw error;
  });
  return holder.chronicleRuntime;
}
