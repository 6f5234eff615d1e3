import { z } from "zod";
import { PlatformEnvSchema } from "../env.ts";

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
});
export type WebEnv = z.infer<typeof WebEnvSchema>;
