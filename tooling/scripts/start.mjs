// `npm start`: the platform as a user runs it. Builds the web app when its sources changed since the last build,
// then starts it (storefront and admin on http://localhost:3000). On the embedded PGlite (no DATABASE_URL) the web
// process also runs the worker's services, since one process owns a PGlite database; with DATABASE_URL the worker
// runs as a process of its own next to it. Ctrl-C stops both cleanly.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const web = path.join(root, "apps", "web");
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", TURBO_TELEMETRY_DISABLED: "1" };
const port = env.PORT || "3000";
env.APP_ORIGIN ||= `http://localhost:${port}`;
const distDir = path.join(web, env.NEXT_DIST_DIR || ".next");

/** Newest modification time under the folders the web build reads (sources of the app and every package). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".") || entry.name === "test-results") continue;
    const full = path.join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(full) : statSync(full).mtimeMs);
  }
  return latest;
}

const buildId = path.join(distDir, "BUILD_ID");
const sources = Math.max(newest(path.join(web, "src")), newest(path.join(root, "packages")), statSync(path.join(web, "next.config.ts")).mtimeMs);
if (!existsSync(buildId) || statSync(buildId).mtimeMs < sources) {
  console.log("Building the web app (first start, or its sources changed)…");
  const build = spawnSync(path.join(web, "node_modules", ".bin", "next"), ["build"], { cwd: web, stdio: "inherit", env });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Spawned directly (not through pnpm), so a signal sent to this script reaches the servers themselves.
const next = path.join(web, "node_modules", ".bin", "next");
const children = [spawn(next, ["start", "-p", port], { cwd: web, stdio: "inherit", env })];
if (env.DATABASE_URL && env.WORKER !== "inline") {
  children.push(spawn(process.execPath, ["--import", "tsx", "src/main.ts"], { cwd: path.join(root, "apps", "worker"), stdio: "inherit", env }));
}
let stopping = false;
for (const child of children) {
  child.on("exit", (code) => {
    if (stopping) return;
    stopping = true;
    for (const other of children) if (other !== child) other.kill("SIGTERM");
    process.exitCode = code ?? 1;
  });
}
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    for (const child of children) child.kill("SIGTERM");
  });
}
