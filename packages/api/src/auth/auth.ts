import { APIError, betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { EmailAddressSchema, NameSchema } from "@chronicle/domain";
import type { EventStore } from "@chronicle/event-store";
import { CLIENT_ADDRESS_HEADER } from "./client-address-header.ts";
import { registerUser } from "./register-user.ts";
import { authSchema } from "./schema.ts";

export interface AuthOptions {
  secret: string;
  /** The app's public origin (better-auth's base URL) and every other origin allowed to call it. */
  origins: readonly string[];
  /** Allowed sign-in attempts per client address and minute (better-auth's rate limiter; stored in the database). */
  signInPerMinute?: number;
}

export type Role = "customer" | "admin";

/**
 * How long the signed session cookie cache vouches for a session without a database lookup. A session signed out
 * on another device, or a role changed in the database, reaches a shopper's requests within this time (signing out
 * in the browser itself removes the cache with the session); the admin's procedures check the database every time.
 */
export const SESSION_CACHE_SECONDS = 5 * 60;

/**
 * better-auth over the shop's own database: hashed passwords, database sessions in cookies, rate limits per client
 * address. A new customer account is also a new user in the shop's domain, so the two must agree:
 * - what the domain would refuse (a name or email its schemas reject) is refused before the account is written;
 * - RegisterUser runs right after the account is written; if it fails (the database went away in between), the
 *   account exists without its user, and the next sign-in registers it before a session is given out;
 * - the name is the domain's: better-auth's own update-user endpoint, which would change only the login's copy, is
 *   off (and refused by a hook, should it be reached another way).
 */
export function createAuth(store: EventStore, options: AuthOptions) {
  return betterAuth({
    secret: options.secret,
    baseURL: options.origins[0],
    trustedOrigins: [...options.origins],
    database: drizzleAdapter(store.database.db, { provider: "pg", schema: authSchema }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, maxPasswordLength: 128, autoSignIn: true },
    user: {
      additionalFields: {
        // input: false: nobody chooses their own role at sign-up; admins are made by the seed or by SQL.
        role: { type: "string", required: false, defaultValue: "customer", input: false },
      },
    },
    // The session cache: a signed cookie holding the session and user, so a request needs no session lookup.
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24, cookieCache: { enabled: true, maxAge: SESSION_CACHE_SECONDS } },
    disabledPaths: ["/update-user"],
    rateLimit: {
      enabled: true,
      storage: "database",
      window: 60,
      max: 100,
      customRules: {
        "/sign-in/email": { window: 60, max: options.signInPerMinute ?? 10 },
        "/sign-up/email": { window: 60, max: options.signInPerMinute ?? 10 },
      },
    },
    advanced: { cookiePrefix: "chronicle", ipAddress: { ipAddressHeaders: [CLIENT_ADDRESS_HEADER] } },
    telemetry: { enabled: false },
    databaseHooks: {
      user: {
        create: {
          before: async (user) => {
            const name = NameSchema.safeParse(user.name);
            if (!name.success) throw new APIError("BAD_REQUEST", { code: "INVALID_NAME", message: `name: ${name.error.issues[0]!.message}` });
            const email = EmailAddressSchema.safeParse(user.email);
            if (!email.success) throw new APIError("BAD_REQUEST", { code: "INVALID_EMAIL", message: `email: ${email.error.issues[0]!.message}` });
            return { data: { ...user, name: name.data, email: email.data } };
          },
          after: async (user) => {
            if ((user as { role?: string }).role === "admin") return;
            await registerUser(store, user);
          },
        },
        update: {
          before: async (data, context) => {
            if (context?.path === "/update-user" && ("name" in data || "email" in data || "image" in data)) {
              throw new APIError("BAD_REQUEST", { code: "NOT_HERE", message: "names and emails change through the shop, not the sign-in" });
            }
            return { data };
          },
        },
      },
      session: {
        create: {
          // The repair of a sign-up whose RegisterUser failed: no session for a customer the domain does not know.
          before: async (session, context) => {
            const user = await context?.context.internalAdapter.findUserById(session.userId);
            if (user && (user as { role?: string }).role !== "admin") {
              try {
                await registerUser(store, user);
              } catch {
                throw new APIError("SERVICE_UNAVAILABLE", { code: "NOT_REGISTERED", message: "your account could not be completed; try again in a moment" });
              }
            }
            return { data: session };
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
