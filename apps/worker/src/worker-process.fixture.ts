import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { fileURLToPath } from "node:url";

const workerDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
/** One master key for every worker of a test run: they share the test's database and its subject keys. */
const TEST_MASTER_KEY = randomBytes(32).toString("base64");

export interface WorkerProcess {
  id: string;
  child: ChildProcess;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** A real worker process (`node src/main.ts`), as a supervisor would start it. */
export function spawnWorker(id: string, databaseUrl: string, env: Record<string, string> = {}): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: workerDir,
    env: { ...process.env, DATABASE_URL: databaseUrl, WORKER_ID: id, SHIP_DELAY_MS: "50", POLL_INTERVAL_MS: "50", LOG_LEVEL: "warn", PERSONAL_DATA_MASTER_KEY: TEST_MASTER_KEY, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })));
  return { id, child, output: () => output, exited };
}
