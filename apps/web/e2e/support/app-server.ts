import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "@chronicle/messaging/testing/nats-server";

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const root = path.resolve(web, "..", "..");

export interface AppProcess {
  origin: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, then waits for the process (and, for start.mjs, its children) to end. */
  stop(): Promise<void>;
}

// A port the system has free right now: the one helper the test suites share.
export { freePort };

/**
 * A second copy of the platform for tests that must not disturb the shared e2e server (rate limits, crashes): the
 * production build the suite made (.next-e2e), started the way users start it — `server.ts` alone, or the whole of
 * `npm start` (tooling/scripts/start.mjs: web, and a worker on Postgres, restarted when they die).
 */
export async function startApp(how: "server" | "npm start", env: Record<string, string>): Promise<AppProcess> {
  const port = await freePort();
  const origin = `http://localhost:${port}`;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "chronicle-e2e-app-"));
  const [cwd, args] = how === "server" ? [web, ["--import", "tsx", "server.ts"]] : [root, [path.join(root, "tooling", "scripts", "start.mjs")]];
  const child = spawn(process.execPath, args, {
    cwd,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NEXT_DIST_DIR: ".next-e2e",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(port),
      APP_ORIGIN: origin,
      PGLITE_DIR: path.join(dataDir, "shop"),
      SHIPPING_PGLITE_DIR: path.join(dataDir, "shipping"),
      DATABASE_URL: "",
      NATS_URL: "",
      SHIPPING_DATABASE_URL: "",
      SHIPPING_URL: "",
      WORKER: "",
      SHIP_DELAY_MS: "500",
      LOG_LEVEL: "warn",
      BETTER_AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
      // With DATABASE_URL the personal-data master key is a required setting (the embedded default makes its own).
      ...(env.DATABASE_URL && { PERSONAL_DATA_MASTER_KEY: randomBytes(32).toString("base64") }),
      ...env,
    },
  });
  // Never outlive the test run, even when a hook times out before `stop()` could be called.
  const orphanGuard = () => child.kill("SIGTERM");
  process.once("exit", orphanGuard);
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the app exited with ${child.exitCode} before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`the app was not ready within 120 s:\n${output}`);
    }
    try {
      if ((await fetch(`${origin}/api/trpc/catalog.list`)).ok) break;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    origin,
    child,
    output: () => output,
    async stop() {
      process.off("exit", orphanGuard);
      child.kill("SIGTERM");
      const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
      await exited;
      clearTimeout(killer);
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(`${dataDir}.master-key`, { force: true });
    },
  };
}
