import type { TRPCClient } from "@trpc/client";
import type { Transport } from "@chronicle/messaging";
import type { ShippingRouter } from "@chronicle/shipping";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { DrizzleDatabase, EventStore, Projection } from "@chronicle/event-store";
import type { Auth, Role } from "../auth/auth.ts";

export interface SessionUser {
  id: string;
  name: string;
  email: string;
  role: Role;
}

/** What procedures need from the process they run in, and nothing more (the process itself is assembled elsewhere). */
export interface ApiServices {
  /** Commands, and the log's own views (the audit log, time travel). */
  readonly store: EventStore;
  /** The read models (the projections' tables). */
  readonly db: DrizzleDatabase;
  readonly auth: Auth;
  /** Every async projection of the system, whoever runs them: for status and the admin's actions. */
  readonly projections: readonly Projection[];
  readonly log: Logger;
  /** The shipping service's typed client (its own API, over HTTP or local); null when this process has none. */
  readonly shipping: ShippingClient | null;
  /** The integration side: the transport (stats, dead letters) and the store whose relay to report on. */
  readonly integration: { readonly transport: Transport; readonly store: EventStore } | null;
}

export type ShippingClient = TRPCClient<ShippingRouter>;

export interface Context extends ApiServices {
  user: SessionUser | null;
  /** From the request's x-correlation-id (when it is a sane id) or new: it travels into every event. */
  correlationId: string;
  /** The clock, injected: tests pin it. */
  now(): string;
}

const CORRELATION_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

/** Per request: who is signed in (better-auth's session cookie), and the correlation id. */
export async function createContext(services: ApiServices, headers: Headers): Promise<Context> {
  const session = await services.auth.api.getSession({ headers });
  const header = headers.get("x-correlation-id");
  const user = session?.user
    ? { id: session.user.id, name: session.user.name, email: session.user.email, role: ((session.user as { role?: string }).role === "admin" ? "admin" : "customer") as Role }
    : null;
  return {
    store: services.store,
    db: services.db,
    auth: services.auth,
    projections: services.projections,
    log: services.log,
    shipping: services.shipping,
    integration: services.integration,
    user,
    correlationId: header && CORRELATION_ID.test(header) ? header : randomUUID(),
    now: () => new Date().toISOString(),
  };
}
