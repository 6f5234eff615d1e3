// The browser suite against the production build: builds apps/web once into .next-e2e, then runs Playwright, whose
// config starts `next start` on a free port (3300-3399) over a fresh PGlite folder made here and removed afterwards.
// Extra arguments go to `playwright test` (e.g. `node tooling/scripts/e2e.mjs e2e/csrf.spec.ts`).
// The JSON report lands in .reports/e2e.json (or E2E_REPORT): no report means the run failed.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const web = path.join(root, "apps", "web");
const report = path.resolve(root, process.env.E2E_REPORT || ".reports/e2e.json");
const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };

mkdirSync(path.dirname(report), { recursive: true });
rmSync(report, { force: true });

// A fresh machine may lack the browser: as root on Debian/Ubuntu, install the distribution's chromium (never a
// downloaded one); anywhere else, say what to install.
if (!existsSync(chromium) && !process.env.CHROMIUM_PATH && process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
  console.log("e2e: installing Debian's chromium (apt-get install -y chromium)");
  spawnSync("sh", ["-c", "apt-get update -qq && apt-get install -y -qq chromium >/dev/null"], { stdio: "inherit" });
}
if (!existsSync(chromium)) {
  console.log(`e2e: no browser at ${chromium}. Install Debian's: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  process.exit(1);
}

console.log("e2e: next build (production, .next-e2e)");
const started = Date.now();
const build = spawnSync(path.join(web, "node_modules", ".bin", "next"), ["build"], {
  cwd: web,
  stdio: "inherit",
  env: { ...env, NEXT_DIST_DIR: ".next-e2e" },
});
if (build.status !== 0) {
  console.log("e2e: the production build failed, so no browser test ran");
  process.exit(1);
}
console.log(`e2e: built in ${((Date.now() - started) / 1000).toFixed(0)} s`);

const dataDir = mkdtempSync(path.join(os.tmpdir(), "chronicle-e2e-"));
try {
  const run = spawnSync(path.join(web, "node_modules", ".bin", "playwright"), ["test", ...process.argv.slice(2)], {
    cwd: web,
    stdio: "inherit",
    env: { ...env, E2E_SKIP_BUILD: "1", E2E_REPORT: report, E2E_PGLITE_DIR: dataDir, CHROMIUM_PATH: chromium },
  });
  process.exitCode = run.status ?? 1;
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
