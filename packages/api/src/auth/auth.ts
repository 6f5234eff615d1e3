import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { executeShopCommand } from "@chronicle/application";
import { isDomainError } from "@chronicle/domain";
import type { EventStore } from "@chronicle/event-store";
import { authSchema } from "./schema.ts";

export interface AuthOptions {
  secret: string;
  /** The app's public origin (better-auth's base URL) and every other origin allowed to call it. */
  origins: readonly string[];
  /** Allowed sign-in attempts per IP and minute (better-auth's rate limiter; stored in the database). */
  signInPerMinute?: number;
}

export type Role = "customer" | "admin";

/**
 * better-auth over the shop's own database: hashed passwords, database sessions in cookies, rate limits. A new
 * customer account is also a new user in the shop's domain: its RegisterUser command runs right after the account
 * is written, with the account id as the user id and a command id that makes a retry harmless.
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
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24 },
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
    advanced: { cookiePrefix: "chronicle" },
    telemetry: { enabled: false },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            if ((user as { role?: string }).role === "admin") return;
            try {
              await executeShopCommand(
                store,
                { type: "RegisterUser", data: { userId: user.id, name: user.name, email: user.email } },
                { now: new Date().toISOString(), commandId: `sign-up-${user.id}`, actor: `user:${user.id}` },
              );
            } catch (error) {
              // The demo's Alice and Bob: registered by the article's story before their sign-ins were made.
              if (!isDomainError(error, "ALREADY_EXISTS")) throw error;
            }
          },
        },
      },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;
