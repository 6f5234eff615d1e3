import type { TRPCClient } from "@trpc/client";
import type { Transport } from "@chronicle/messaging";
import type { ShippingRouter } from "@chronicle/shipping";
import { randomUUID } from "node:crypto";
import type { Logger } from "pino";
import type { ClosedAccounts } from "../auth/closed-accounts.ts";
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
  /** Accounts closed by forgetting their customer: a cached session of one of them is no session. */
  readonly closedAccounts: ClosedAccounts;
}

export type ShippingClient = TRPCClient<ShippingRouter>;

export interface Context extends ApiServices {
  /**
   * Who is signed in, from better-auth's signed session cookie cache when it is fresh (no database lookup; see
   * SESSION_CACHE_SECONDS), else from the database.
   */
  user: SessionUser | null;
  /** Who is signed in according to the database, whatever the cookie cache says: for the admin's procedures. */
  checkedUser(): Promise<SessionUser | null>;
  /** From the request's x-correlation-id (when it is a sane id) or new: it travels into every event. */
  correlationId: string;
  /** The clock, injected: tests pin it. */
  now(): string;
}

const CORRELATION_ID = /^[A-Za-z0-9_.:-]{1,100}$/;

type Session = Awaited<ReturnType<ApiServices["auth"]["api"]["getSession"]>>;

function userOf(session: Session): SessionUser | null {
  return session?.user
    ? { id: session.user.id, name: session.user.name, email: session.user.email, role: ((session.user as { role?: string }).role === "admin" ? "admin" : "customer") as Role }
    : null;
}

export interface CreateContextOptions {
  /**
   * Receives each Set-Cookie the session lookup asks for (a renewed cookie cache after a database lookup, or its
   * removal), for callers that can answer with cookies (the API); server components cannot, and leave it out.
   */
  setCookie?(value: string): void;
}

const sessionCookieNames = new WeakMap<Auth, Promise<string>>();

/** The name of better-auth's session token cookie (with its prefix), looked up once per auth instance. */
function sessionCookieName(auth: Auth): Promise<string> {
  let name = sessionCookieNames.get(auth);
  if (!name) sessionCookieNames.set(auth, (name = auth.$context.then((context) => context.authCookies.sessionToken.name)));
  return name;
}

/**
 * Who the request's cookies say is signed in, and the Set-Cookie headers better-auth answers with. Without a session
 * token cookie, better-auth (with its cookie cache on) answers null and sets no cookie before reading anything
 * else: that answer is given here without its endpoint machinery, which cost an anonymous request (a visitor's
 * catalog) a large share of its time (measured: apps/web/bench, `bench:profile catalog`).
 */
async function sessionOf(auth: Auth, headers: Headers): Promise<{ session: Session; setCookies: string[] }> {
  const cookie = headers.get("cookie");
  if (cookie === null || !cookie.includes(await sessionCookieName(auth))) return { session: null, setCookies: [] };
  const { headers: answer, response: session } = await auth.api.getSession({ headers, returnHeaders: true });
  return { session, setCookies: answer.getSetCookie() };
}

/** Per request: who is signed in (better-auth's session cookie), and the correlation id. */
export async function createContext(services: ApiServices, headers: Headers, options: CreateContextOptions = {}): Promise<Context> {
  const { session, setCookies } = await sessionOf(services.auth, headers);
  if (options.setCookie) for (const cookie of setCookies) options.setCookie(cookie);
  const header = headers.get("x-correlation-id");
  const cached = userOf(session);
  // The cookie cache cannot know that the account was closed since it was signed; the set can.
  const user = cached && services.closedAccounts.has(cached.id) ? null : cached;
  let checked: Promise<SessionUser | null> | undefined;
  return {
    store: services.store,
    db: services.db,
    auth: services.auth,
    projections: services.projections,
    log: services.log,
    shipping: services.shipping,
    integration: services.integration,
    closedAccounts: services.closedAccounts,
    user,
    checkedUser: () => (checked ??= services.auth.api.getSession({ headers, query: { disableCookieCache: true } }).then(userOf)),
    correlationId: header && CORRELATION_ID.test(header) ? header : randomUUID(),
    now: () => new Date().toISOString(),
  };
}
