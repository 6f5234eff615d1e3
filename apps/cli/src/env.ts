import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..");

const Env = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL (leave it unset for the embedded PGlite)")
    .optional(),
  PGLITE_DIR: z.string().min(1).default(path.join(repoRoot, ".data", "pglite")),
});

export type CliEnv = z.infer<typeof Env>;

/** The only place the CLI reads the environment: bad settings stop it here, with the reason. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): CliEnv {
  const parsed = Env.safeParse({ DATABASE_URL: source.DATABASE_URL || undefined, PGLITE_DIR: source.PGLITE_DIR || undefined });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  return parsed.data;
}
