import { randomUUID } from "node:crypto";
import type { Role } from "../auth/auth.ts";
import type { Runtime } from "../runtime/runtime.ts";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface Context {
  runtime: Runtime;
  user: SessionUser | null;
  /** From the request's x-correlation-id (when it is a sane id) or new: it travels into every event. */
  correlationId: string;
  /** The clock, injected: tests pin it. */
  now(): string;
}

const CORRELATION_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** Per request: who is signed in (better-auth's session cookie), and the correlation id. */
export async function createContext(runtime: Runtime, headers: Headers): Promise<Context> {
  const session = await runtime.auth.api.getSession({ headers });
  const header = headers.get("x-correlation-id");
  const user = session?.user
    ? { id: session.user.id, name: session.user.name, email: session.user.email, role: ((session.user as { role?: string }).role === "admin" ? "admin" : "customer") as Role }
    : null;
  return {
    runtime,
    user,
    correlationId: header && CORRELATION_ID.test(header) ? header : randomUUID(),
    now: () => new Date().toISOString(),
  };
}
