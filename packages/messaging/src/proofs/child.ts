import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const packageRoot = path.join(here, "..", "..");

export interface Child {
  readonly process: ChildProcess;
  /** Every JSON line the child printed so far. */
  readonly lines: Record<string, unknown>[];
  waitForLine(match: (line: Record<string, unknown>) => boolean, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** kill -9: no cleanup of any kind in the child. */
  killHard(): Promise<void>;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
  readonly exited: Promise<number | null>;
}

/** Runs one of this folder's scripts in a child process (node + tsx), with its settings in the environment. */
export function startChild(script: string, env: Record<string, string>): Child {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(here, script)], {
    cwd: packageRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: Record<string, unknown>[] = [];
  const waiters = new Set<() => void>();
  let buffered = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    buffered += chunk;
    let newline;
    while ((newline = buffered.indexOf("\n")) >= 0) {
      const text = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      try {
        lines.push(JSON.parse(text) as Record<string, unknown>);
      } catch {
        continue;
      }
      for (const wake of waiters) wake();
    }
  });
  let stderr = "";
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr = (stderr + chunk).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  void exited.then(() => waiters.forEach((wake) => wake()));
  let gone = false;
  void exited.then(() => (gone = true));

  return {
    process: child,
    lines,
    exited,
    async waitForLine(match, timeoutMs = 30_000) {
      const started = Date.now();
      for (;;) {
        const found = lines.find(match);
        if (found) return found;
        if (gone) throw new Error(`${script} exited before the expected line; stderr: ${stderr}`);
        if (Date.now() - started > timeoutMs) throw new Error(`${script}: expected line not printed within ${timeoutMs} ms; stderr: ${stderr}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, 200);
          function done() {
            clearTimeout(timer);
            waiters.delete(done);
            resolve();
          }
          waiters.add(done);
        });
      }
    },
    async killHard() {
      if (!gone) child.kill("SIGKILL");
      await exited;
    },
    async stop() {
      if (!gone) child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** How a child reports: one JSON object per line on stdout. */
export function report(line: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

/** A required setting of a child script. */
export function setting(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}
