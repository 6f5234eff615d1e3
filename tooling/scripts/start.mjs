// `npm start`: the platform as a user runs it. Builds the web app when its sources changed since the last build,
// then starts it (storefront and admin on http://localhost:3000). On the embedded PGlite (no DATABASE_URL) the web
// process also runs the worker's services, since one process owns a PGlite database; with DATABASE_URL the worker
// runs as a process of its own next to it. Without NATS_URL the shipping service runs inside the web process (its own
// PGlite folder, an in-process transport); with NATS_URL it is a process of its own too, and the services talk
// through JetStream. A process that dies is restarted (with backoff); Ctrl-C stops them all.
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

// The processes of the platform, each restarted when it dies (a crashed worker must not take the site down): web
// always; a worker of its own next to it on Postgres (on PGlite the web process runs the worker's services, since one
// process owns a PGlite folder). Spawned directly (not through pnpm), so a signal sent here reaches the servers.
const services = [{ name: "web", cwd: web, args: ["--import", "tsx", "server.ts"] }];
if (env.DATABASE_URL && env.WORKER !== "inline") {
  services.push({ name: "worker", cwd: path.join(root, "apps", "worker"), args: ["--import", "tsx", "src/main.ts"] });
}
if (env.NATS_URL) {
  env.SHIPPING_PORT ||= "3100";
  env.SHIPPING_URL ||= `http://127.0.0.1:${env.SHIPPING_PORT}/trpc`;
  services.push({ name: "shipping", cwd: path.join(root, "apps", "shipping"), args: ["--import", "tsx", "src/main.ts"] });
}

const RESTART_FIRST_MS = 1000;
const RESTART_MAX_MS = 30_000;
/** A process that ran this long before dying starts its backoff again from the first delay. */
const STABLE_MS = 60_000;
const running = new Map();
let stopping = false;

function launch(service, delay = RESTART_FIRST_MS) {
  const started = Date.now();
  const child = spawn(process.execPath, service.args, { cwd: service.cwd, stdio: "inherit", env });
  running.set(service.name, child);
  child.on("exit", (code, signal) => {
    running.delete(service.name);
    if (stopping) {
      if (running.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    const next = Date.now() - started >= STABLE_MS ? RESTART_FIRST_MS : delay;
    console.error(`start: ${service.name} exited (${signal ?? `code ${code}`}); restarting it in ${next / 1000} s`);
    setTimeout(() => {
      if (!stopping) launch(service, Math.min(next * 2, RESTART_MAX_MS));
    }, next);
  });
}

for (const service of services) launch(service);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    if (running.size === 0) process.exit(0);
    for (const child of running.values()) child.kill("SIGTERM");
  });
}
