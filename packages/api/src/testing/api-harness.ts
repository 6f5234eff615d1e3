import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { appRouter } from "../routers/app.ts";
import { loadApiEnv } from "../runtime/env.ts";
import { openRuntime, type Runtime } from "../runtime/runtime.ts";
import { createContext } from "../trpc/context.ts";
import { createCallerFactory } from "../trpc/init.ts";

export const ORIGIN = "http://localhost:3000";
const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface ApiHarness {
  runtime: Runtime;
  /** A caller with these request headers (a session cookie, a correlation id). */
  caller(headers?: Headers): Promise<Caller>;
  /** Signs up through better-auth (as the browser would) and returns the session cookie's request headers. */
  signUp(name: string, email: string, password?: string): Promise<Headers>;
  signIn(email: string, password: string): Promise<Headers>;
  close(): Promise<void>;
}

/** The whole API over a fresh PGlite (demo seeded, worker services in this process), called through createCaller. */
export async function openApiHarness(env: Record<string, string> = {}): Promise<ApiHarness> {
  const dir = mkdtempSync(path.join(tmpdir(), "chronicle-api-"));
  const runtime = await openRuntime(loadApiEnv({ APP_ORIGIN: ORIGIN, SHIP_DELAY_MS: "50", BETTER_AUTH_SECRET: "x".repeat(40), ...env }), {
    defaultPgliteDir: dir,
    log: pino({ level: "silent" }),
  });
  const cookieOf = (response: Response): Headers => {
    if (!response.ok) throw new Error(`auth answered ${response.status}`);
    const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    return new Headers({ cookie, origin: ORIGIN });
  };
  return {
    runtime,
    caller: async (headers = new Headers()) => createCaller(await createContext(runtime, headers)),
    async signUp(name, email, password = "correct-horse-battery") {
      return cookieOf(await runtime.auth.api.signUpEmail({ body: { name, email, password }, asResponse: true, headers: new Headers({ origin: ORIGIN }) }));
    },
    async signIn(email, password) {
      return cookieOf(await runtime.auth.api.signInEmail({ body: { email, password }, asResponse: true, headers: new Headers({ origin: ORIGIN }) }));
    },
    async close() {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
