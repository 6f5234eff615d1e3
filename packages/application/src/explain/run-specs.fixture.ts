import { execFile } from "node:child_process";
import { mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SpecFile } from "./export-decision.ts";

/** The domain package: exported specs run there, importing @chronicle/domain by its own name. */
const DOMAIN = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "domain");
const VITEST = path.join(DOMAIN, "node_modules", "vitest", "vitest.mjs");
const TSC = path.join(DOMAIN, "node_modules", "typescript", "bin", "tsc");

export interface SpecRun {
  passed: string[];
  failed: string[];
  /** What `tsc` says of the files, with the domain package's compiler settings ("" when they typecheck). */
  typeErrors: string;
}

/** A change to one source file of the domain, made while vitest loads it (the repository stays as it is). */
export interface SourceChange {
  file: string;
  from: string;
  to: string;
}

/**
 * Writes the spec files into a folder of the domain package (gitignored) and runs them with vitest there, as a
 * developer would after exporting them; with `change`, one decider's source is changed on the way in first.
 */
export async function runSpecsInDomain(specs: readonly SpecFile[], change?: SourceChange): Promise<SpecRun> {
  const dir = path.join(DOMAIN, "exported-specs", `run-${process.pid}-${Date.now()}`);
  mkdirSync(dir, { recursive: true });
  try {
    for (const spec of specs) writeFileSync(path.join(dir, spec.fileName), spec.source);
    writeFileSync(path.join(dir, "vitest.config.ts"), configSource(change));
    writeFileSync(path.join(dir, "tsconfig.json"), JSON.stringify({ extends: "@chronicle/tsconfig/base.json", include: ["*.test.ts"] }));
    const report = path.join(dir, "report.json");
    await run([VITEST, "run", "--root", dir, "--reporter=json", `--outputFile=${report}`], dir);
    const typeErrors = change ? "" : await run([TSC, "-p", "tsconfig.json", "--noEmit"], dir);
    const results = (JSON.parse(readFileSync(report, "utf8")) as { testResults: { name: string; status: string }[] }).testResults;
    const named = (status: string) => results.filter((r) => r.status === status).map((r) => path.basename(r.name)).sort();
    return { passed: named("passed"), failed: named("failed"), typeErrors };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    try {
      rmdirSync(path.dirname(dir)); // the parent too, unless another run still uses it
    } catch {
      // not empty: another run's folder is in it
    }
  }
}

/** Runs a node script to its end; its output (a failing run is read from its report, not its exit code). */
function run(args: readonly string[], cwd: string): Promise<string> {
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd }, (_error, stdout, stderr) => resolve(`${stdout}${stderr}`.trim()));
  });
}

function configSource(change: SourceChange | undefined): string {
  const plugin = change ? `
    {
      name: "change-a-decider-on-purpose",
      // Before esbuild strips the types, so the change is made to the source as written.
      enforce: "pre",
      transform(code, id) {
        if (!id.endsWith(${JSON.stringify(change.file)})) return undefined;
        if (!code.includes(${JSON.stringify(change.from)})) throw new Error("the change to ${change.file} no longer applies");
        return code.replace(${JSON.stringify(change.from)}, ${JSON.stringify(change.to)});
      },
    },` : "";
  return `import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [${plugin}
  ],
  // One module graph for all files (they only read the domain): 36 files ran in 48 s isolated on a busy machine.
  test: { include: ["*.test.ts"], isolate: false },
});
`;
}
