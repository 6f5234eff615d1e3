import "server-only";
import path from "node:path";
import { loadApiEnv, openRuntime, type Runtime } from "@chronicle/api/runtime";

// One runtime per server process, shared by route handlers, server components and instrumentation (dev reloads
// modules, so it lives on globalThis). A failed start is not cached: the next request tries again and shows why.
const holder = globalThis as unknown as { chronicleRuntime?: Promise<Runtime> };

export function getRuntime(): Promise<Runtime> {
  holder.chronicleRuntime ??= openRuntime(loadApiEnv(), { defaultPgliteDir: path.join(process.cwd(), "..", "..", ".data", "pglite") }).catch(
    (error: unknown) => {
      holder.chronicleRuntime = undefined;
      throw error;
    },
  );
  return holder.chronicleRuntime;
}
