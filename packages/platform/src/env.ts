import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { ConfigurationError } from "@chronicle/event-store";

/** The repository's root: the embedded database's default folder lives under it. */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");
export const DEFAULT_PGLITE_DIR = path.join(repoRoot, ".data", "pglite");
/** Shipping's own embedded database: a folder of its own, never the shop's. */
export const DEFAULT_SHIPPING_PGLITE_DIR = path.join(repoRoot, ".data", "shipping-pglite");

/**
 * The settings every process of the platform shares (web, worker, CLI, services): which database, how the shop's
 * processes behave, how much they log. Each app extends this one schema with its own settings (`.extend`).
 */
export const PlatformEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL (leave it unset for the embedded PGlite)")
    .optional(),
  /**
   * The database owner's connection, for migrations. When set, DATABASE_URL signs in as the application's own role,
   * which gets only what it needs (see grantAppRole); unset, DATABASE_URL's role migrates and runs alike.
   */
  MIGRATION_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL (the owner's connection, for migrations)")
    .optional(),
  /** Where the embedded PGlite keeps its data when DATABASE_URL is unset. */
  PGLITE_DIR: z.string().min(1).default(DEFAULT_PGLITE_DIR),
  /**
   * 32 random bytes (base64 or hex) that wrap each customer's data key: personal fields are encrypted with those.
   * Required with DATABASE_URL; on the embedded PGlite it is made once and kept next to the data folder.
   */
  PERSONAL_DATA_MASTER_KEY: z.string().min(1).optional(),
  /** How long the shipping service waits after a shipment is requested before the parcel leaves, in ms. */
  SHIP_DELAY_MS: z.coerce.number().int().min(0).max(86_400_000).default(3000),
  /** How long a parcel travels after it left, in ms (the shipping service then marks it delivered). */
  DELIVERY_DELAY_MS: z.coerce.number().int().min(0).max(86_400_000).default(5000),
  /**
   * The NATS JetStream server the services exchange integration events through. Unset: the embedded default, where
   * the shipping service runs inside the web process with an in-process transport (same outbox/inbox semantics).
   */
  NATS_URL: z
    .string()
    .regex(/^nats:\/\/[^\s]+$/, "must be a nats:// URL, e.g. nats://127.0.0.1:4222 (leave it unset for the in-process transport)")
    .optional(),
  /** The shipping service's own database (its log and read model); unset, its own PGlite folder. Never the shop's. */
  SHIPPING_DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL (shipping's own database, not the shop's)")
    .optional(),
  /**
   * Where the embedded shipping service keeps its PGlite data when SHIPPING_DATABASE_URL is unset. Default:
   * `.data/shipping-pglite` next to the shop's default folder, or `<PGLITE_DIR>-shipping` for another PGLITE_DIR.
   */
  SHIPPING_PGLITE_DIR: z.string().min(1).optional(),
  /** The shipping service's tRPC endpoint (http://host:port/trpc) when it runs as a process of its own. */
  SHIPPING_URL: z.url({ protocol: /^https?$/, error: "must be an http(s) URL like http://127.0.0.1:3100/trpc" }).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});
export type PlatformEnv = z.infer<typeof PlatformEnvSchema>;

/** Shipping's PGlite folder: never inside or equal to the shop's. */
export function shippingPgliteDir(env: Pick<PlatformEnv, "PGLITE_DIR" | "SHIPPING_PGLITE_DIR">): string {
  if (env.SHIPPING_PGLITE_DIR) return env.SHIPPING_PGLITE_DIR;
  return path.resolve(env.PGLITE_DIR) === path.resolve(DEFAULT_PGLITE_DIR) ? DEFAULT_SHIPPING_PGLITE_DIR : `${env.PGLITE_DIR.replace(/[\\/]+$/, "")}-shipping`;
}

/**
 * The one way a process reads its environment: unset and empty values count as absent, and a bad setting stops the
 * process before it touches anything, with every reason at once, named by its variable.
 */
export function parseEnv<S extends z.ZodType>(schema: S, source: Record<string, string | undefined> = process.env): z.infer<S> {
  const present = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new ConfigurationError(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}
