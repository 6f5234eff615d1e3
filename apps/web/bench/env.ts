import { z } from "zod";

// The only place the web benchmark reads its environment.
export const benchEnv = z
  .object({
    /** When set, a second run on a fresh database of this Postgres server (created and dropped here). */
    DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional(),
    BENCH_DURATION_S: z.coerce.number().int().min(1).max(600).default(10),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(1000).default(50),
    /**
     * Shopper accounts for the add-to-cart load: one per connection, so every write is a different cart stream (the
     * benchmark's server allows that many sign-ups a minute; the default limit is 10).
     */
    BENCH_SHOPPERS: z.coerce.number().int().min(1).max(1000).default(50),
    /** Rebuild even when the production build looks current. */
    BENCH_REBUILD: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
  })
  .parse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== "")));
