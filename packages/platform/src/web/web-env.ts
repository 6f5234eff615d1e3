import { z } from "zod";
import { PlatformEnvSchema } from "../env.ts";
import { isAddressOrBlock } from "./client-address.ts";

const Origin = z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin);

/** The web process's settings: the platform's, extended with the web app's own. */
export const WebEnvSchema = PlatformEnvSchema.extend({
  /** The public origin first, then any other origin allowed to send mutations (comma-separated). */
  APP_ORIGIN: z
    .string()
    .default("http://localhost:3000")
    .transform((value, ctx) => {
      const origins = value.split(",").map((v) => v.trim()).filter(Boolean);
      const parsed = origins.map((o) => Origin.safeParse(o));
      const bad = parsed.findIndex((p) => !p.success);
      if (bad >= 0 || origins.length === 0) {
        ctx.addIssue({ code: "custom", message: `"${origins[bad] ?? value}" is not an http(s) origin like http://localhost:3000` });
        return z.NEVER;
      }
      return parsed.map((p) => p.data!);
    }),
  BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters (openssl rand -hex 32)").optional(),
  /** inline: this process also runs the projections and fulfillment (always so on PGlite, one process owns it). */
  WORKER: z.enum(["inline", "off"]).optional(),
  /** Sign-in and sign-up attempts allowed per client address and minute (better-auth's rate limiter). */
  AUTH_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  SEED_DEMO: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  /**
   * Proxies in front of the web app whose X-Forwarded-For is believed (comma-separated addresses or CIDR blocks).
   * Default none: the TCP peer is the client, and a client-sent X-Forwarded-For counts for nothing.
   */
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((value, ctx) => {
      const entries = value.split(",").map((v) => v.trim()).filter(Boolean);
      const bad = entries.find((entry) => !isAddressOrBlock(entry));
      if (bad !== undefined) {
        ctx.addIssue({ code: "custom", message: `"${bad}" is not an IP address or CIDR block like 10.0.0.0/8` });
        return z.NEVER;
      }
      return entries;
    }),
  /** The web server's port. */
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
});
export type WebEnv = z.infer<typeof WebEnvSchema>;
