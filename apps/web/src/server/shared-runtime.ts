import { openWebRuntime, type WebRuntime } from "@chronicle/platform";
import { loadWebEnv } from "./env";

// One runtime per server process, shared by route handlers, server components, instrumentation and the web
// server's own tRPC handler (server.ts, outside Next's bundle): it lives on globalThis, which every copy of this
// module sees (dev reloads modules too). A failed start is not cached: the next request tries again and shows why.
const holder = globalThis as unknown as { chronicleRuntime?: Promise<WebRuntime> };

export function sharedRuntime(): Promise<WebRuntime> {
  holder.chronicleRuntime ??= openWebRuntime(loadWebEnv()).catch((error: unknown) => {
    holder.chronicleRuntime = undefined;
    throw error;
  });
  return holder.chronicleRuntime;
}
