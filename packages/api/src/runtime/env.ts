import { z } from "zod";

const Origin = z.url({ protocol: /^https?$/ }).transform((u) => new URL(u).origin);

const Env = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL (leave it unset for the embedded PGlite)")
    .optional(),
  PGLITE_DIR: z.string().min(1).optional(),
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
  SHIP_DELAY_MS: z.coerce.number().int().min(0).max(86_400_000).default(3000),
  /** Sign-in and sign-up attempts allowed per client address and minute (better-auth's rate limiter). */
  AUTH_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(10),
  SEED_DEMO: z.enum(["true", "false"]).default("true").transform((v) => v === "true"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export type ApiEnv = z.infer<typeof Env>;

export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
}

/** The only place the web runtime reads its environment: a bad setting stops startup here, with the reason. */
export function loadApiEnv(source: Record<string, string | undefined> = process.env): ApiEnv {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = Env.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new ConfigurationError(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}
