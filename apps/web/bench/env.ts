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
    /** Rounds of every scenario (and baseline): the table shows each one's median round. */
    BENCH_ROUNDS: z.coerce.number().int().min(1).max(9).default(3),
    /** Seconds of each open-loop round (a fixed offered rate: 100 cart.add/s on Postgres, 20/s on PGlite). */
    BENCH_OPEN_S: z.coerce.number().int().min(1).max(600).default(10),
    BENCH_OPEN_RATE_POSTGRES: z.coerce.number().int().min(1).max(10_000).default(100),
    BENCH_OPEN_RATE_PGLITE: z.coerce.number().int().min(1).max(10_000).default(20),
    /** Which databases to measure (Postgres only when DATABASE_URL is set too). */
    BENCH_DRIVERS: z.string().default("pglite,postgres"),
    /** When set, the web server runs with `node --cpu-prof` and writes its profiles into this folder. */
    BENCH_CPU_PROF_DIR: z.string().optional(),
    /** Rebuild even when the production build looks current. */
    BENCH_REBUILD: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
  })
  .parse(Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== undefined && v !== "")));
