import { z } from "zod";

// The only place this package's tests read the environment.
const TestEnv = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, "must be a postgres:// URL").optional(),
  CI: z.string().optional().transform((value) => value === "true" || value === "1"),
});

export const testEnv = TestEnv.parse({ DATABASE_URL: process.env.DATABASE_URL || undefined, CI: process.env.CI });
