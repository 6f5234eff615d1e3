// `npm test`: every check of the workspace, then ONE summary line "N passed, N failed, N skipped" (CI reads it).
// Gates (lint, typecheck) count as one check each; the rest are vitest's tests and then the browser suite's
// (Playwright against the production build, tooling/scripts/e2e.mjs), each from its JSON report.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NEXT_TELEMETRY_DISABLED: "1" };
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: "inherit", env });
  return result.status === 0;
}

function gate(name, command, args) {
  if (step(name, command, args)) passed++;
  else {
    failed++;
    console.log(`=== ${name} FAILED`);
  }
}

if (env.CI === "true" && !env.DATABASE_URL) {
  console.log("Under CI the Postgres suites are mandatory: DATABASE_URL is not set, so they will fail.");
}
if (env.CI === "true" && !env.NATS_URL) {
  console.log("Under CI the NATS suites are mandatory: NATS_URL is not set, so they will fail.");
}
// One ESLint process over the whole tree: on a fresh clone (no turbo cache) it is faster than one per package.
gate("lint", "pnpm", ["exec", "eslint", "--max-warnings=0", "."]);
gate("typecheck", "pnpm", ["run", "typecheck"]);

mkdirSync(".reports", { recursive: true });
rmSync(".reports/vitest.json", { force: true });
step("tests", "pnpm", ["exec", "vitest", "run", "--reporter=default", "--reporter=json", "--outputFile.json=.reports/vitest.json"]);
try {
  const report = JSON.parse(readFileSync(".reports/vitest.json", "utf8"));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  // A file that fails to load has no tests in the count: count it as a failure, never as silence.
  const brokenFiles = report.testResults.filter((file) => file.status === "failed" && file.assertionResults.length === 0).length;
  failed += brokenFiles;
  if (report.numTotalTests === 0) failed++;
} catch (error) {
  console.log(`No vitest report (${error.message}): counting the test run as failed.`);
  failed++;
}

rmSync(".reports/e2e.json", { force: true });
step("e2e", "node", ["tooling/scripts/e2e.mjs"]);
try {
  const report = JSON.parse(readFileSync(".reports/e2e.json", "utf8"));
  passed += report.stats.expected + report.stats.flaky;
  failed += report.stats.unexpected;
  skipped += report.stats.skipped;
  // Errors outside any test (the web server did not start, a spec file did not load) count as failures too.
  failed += report.errors.length;
  if (report.stats.expected + report.stats.unexpected + report.stats.flaky === 0) failed++;
} catch (error) {
  console.log(`No e2e report (${error.message}): the build or the browser run failed; counting it as failed.`);
  failed++;
}

console.log(`\n${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
