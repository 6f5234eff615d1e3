import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pino } from "pino";
import { TRPCError } from "@trpc/server";
import { appRouter, createCallerFactory, createContext } from "@chronicle/api";
import { newMasterKeyText } from "@chronicle/event-store";
import { parseEnv } from "../env.ts";
import { openWebRuntime, type WebRuntime } from "../web/web-runtime.ts";
import { WebEnvSchema } from "../web/web-env.ts";

export const ORIGIN = "http://localhost:3000";
const createCaller = createCallerFactory(appRouter);
export type Caller = ReturnType<typeof createCaller>;

export interface WebHarness {
  runtime: WebRuntime;
  /** A caller with these request headers (a session cookie, a correlation id). */
  caller(headers?: Headers): Promise<Caller>;
  /** Signs up through better-auth (as the browser would) and returns the session cookie's request headers. */
  signUp(name: string, email: string, password?: string): Promise<Headers>;
  signIn(email: string, password: string): Promise<Headers>;
  close(): Promise<void>;
}

/** The web process's whole API over a fresh PGlite (demo seeded, worker services in this process), through createCaller. */
export async function openWebHarness(env: Record<string, string> = {}): Promise<WebHarness> {
  const dir = mkdtempSync(path.join(tmpdir(), "chronicle-api-"));
  // On Postgres the master key is a required setting; a test database gets a fresh one unless the test names one.
  if (env.DATABASE_URL && !env.PERSONAL_DATA_MASTER_KEY) env = { ...env, PERSONAL_DATA_MASTER_KEY: newMasterKeyText() };
  const runtime = await openWebRuntime(
    parseEnv(WebEnvSchema, {
      APP_ORIGIN: ORIGIN,
      SHIP_DELAY_MS: "50",
      DELIVERY_DELAY_MS: "50",
      BETTER_AUTH_SECRET: "x".repeat(40),
      PGLITE_DIR: path.join(dir, "shop"),
      SHIPPING_PGLITE_DIR: path.join(dir, "shipping"),
      ...env,
    }),
    { log: pino({ level: "silent" }) },
  );
  const { auth } = runtime;
  const cookieOf = (response: Response): Headers => {
    if (!response.ok) throw new Error(`auth answered ${response.status}`);
    const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
    return new Headers({ cookie, origin: ORIGIN });
  };
  return {
    runtime,
    caller: async (headers = new Headers()) => createCaller(await createContext(runtime.services, headers)),
    async signUp(name, email, password = "correct-horse-battery") {
      return cookieOf(await auth.api.signUpEmail({ body: { name, email, password }, asResponse: true, headers: new Headers({ origin: ORIGIN }) }));
    },
    async signIn(email, password) {
      return cookieOf(await auth.api.signInEmail({ body: { email, password }, asResponse: true, headers: new Headers({ origin: ORIGIN }) }));
    },
    async close() {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The tRPC code a call answers with ("OK" when it succeeds): what authorization and error tests compare. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
  }
}
