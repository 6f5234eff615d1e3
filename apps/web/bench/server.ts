import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The personal-data master key of this bench run: a required setting on Postgres, shared by the web server, its
 * worker and the in-process baselines, which all open the same database.
 */
export const BENCH_MASTER_KEY = process.env.PERSONAL_DATA_MASTER_KEY || randomBytes(32).toString("base64");

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const root = path.resolve(web, "..", "..");
const next = path.join(web, "node_modules", ".bin", "next");
/** The e2e suite's build: same production output, so a bench after a test run does not build again. */
const DIST = ".next-e2e";

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds the production app unless its build is newer than every source file of the web app and the packages. */
export function ensureBuild(force: boolean): void {
  const buildId = path.join(web, DIST, "BUILD_ID");
  const sources = [path.join(web, "src"), ...readdirSync(path.join(root, "packages")).map((p) => path.join(root, "packages", p, "src"))].filter(existsSync);
  const builtAt = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
  if (!force && builtAt > Math.max(...sources.map(newestMtime))) {
    console.log(`bench: reusing the production build in apps/web/${DIST}`);
    return;
  }
  console.log(`bench: next build into apps/web/${DIST}…`);
  const build = spawnSync(next, ["build"], { cwd: web, stdio: "inherit", env: { ...process.env, NEXT_DIST_DIR: DIST, NEXT_TELEMETRY_DISABLED: "1" } });
  if (build.status !== 0) throw new Error("next build failed");
}

/** A free port in 3300-3399 (the e2e and bench range, clear of the developers' servers). */
export async function freePort(): Promise<number> {
  const start = 3300 + Math.floor(Math.random() * 100);
  for (let i = 0; i < 100; i++) {
    const port = 3300 + ((start - 3300 + i) % 100);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer().once("error", () => resolve(false));
      probe.listen(port, () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error("no free port in 3300-3399");
}

export interface WebServer {
  origin: string;
  /** The server's own output (pino JSON lines), kept after the run for a look at any failure. */
  logFile: string;
  stop(): Promise<void>;
}

/** The worker (apps/worker, as `npm start` runs it on Postgres), its output into the web server's log file. */
function startWorker(postgresUrl: string, log: number): { stop(): Promise<void> } {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: path.join(root, "apps", "worker"),
    stdio: ["ignore", log, log],
    env: { ...process.env, DATABASE_URL: postgresUrl, PERSONAL_DATA_MASTER_KEY: BENCH_MASTER_KEY, LOG_LEVEL: "warn" },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    async stop() {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
}

/** A fresh PGlite data folder for one run (the caller removes it, after the baselines have used it too). */
export function newPgliteDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), "chronicle-bench-"));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The app's server (server.ts, as `npm start` runs it) on the given PGlite folder or Postgres database; resolves
 * once the API answers. With `cpuProfileDir`, node writes a CPU profile of the server there when it stops.
 */
export async function startWeb(database: { postgresUrl?: string; pgliteDir: string }, options: { cpuProfileDir?: string; worker?: "inline" | "off" } = {}): Promise<WebServer> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const dataDir = database.pgliteDir;
  const logFile = path.join(os.tmpdir(), `chronicle-bench-web-${database.postgresUrl ? "postgres" : "pglite"}-${port}.log`);
  const log = openSync(logFile, "w");
  const child: ChildProcess = spawn(process.execPath, [...(options.cpuProfileDir ? ["--cpu-prof", "--cpu-prof-dir", options.cpuProfileDir] : []), "--import", "tsx", "server.ts"], {
    cwd: web,
    stdio: ["ignore", log, log],
    env: {
      ...process.env,
      NEXT_DIST_DIR: DIST,
      NEXT_TELEMETRY_DISABLED: "1",
      APP_ORIGIN: origin,
      PORT: String(port),
      PGLITE_DIR: dataDir,
      DATABASE_URL: database.postgresUrl ?? "",
      PERSONAL_DATA_MASTER_KEY: database.postgresUrl ? BENCH_MASTER_KEY : "",
      // PGlite: the worker's services in the web process, as always. Postgres: a worker process of its own (below).
      ...(options.worker && { WORKER: options.worker }),
      LOG_LEVEL: "warn",
      // One shopper per connection needs more sign-ups a minute than better-auth's default limit of 10.
      AUTH_ATTEMPTS_PER_MINUTE: "10000",
      BETTER_AUTH_SECRET: "bench-only-secret-0123456789abcdef0123456789",
    },
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // On Postgres production runs the worker as a process of its own next to the web server (tooling/scripts/start.mjs):
  // so does the bench, unless told to run it inline or not at all.
  const worker = database.postgresUrl && !options.worker ? startWorker(database.postgresUrl, log) : undefined;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the web server exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${origin}/api/trpc/catalog.list`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error("the web server was not ready within 120 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    origin,
    logFile,
    async stop() {
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      await worker?.stop();
    },
  };
}
