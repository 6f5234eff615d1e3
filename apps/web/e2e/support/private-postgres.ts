import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { freePort } from "./app-server";

/**
 * A PostgreSQL server of the test's own (initdb into a temporary folder, on a free port), for tests that stop and
 * start the database: the shared server at 5432 serves every other test file and must not go down under them.
 */
export interface PrivatePostgres {
  url: string;
  /** `pg_ctl stop -m immediate`: a crash — no checkpoint, connections cut. */
  crash(): Promise<void>;
  start(): Promise<void>;
  destroy(): void;
}

function binDir(): string {
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort().reverse() : [];
  const found = versions.map((v) => `/usr/lib/postgresql/${v}/bin`).find((dir) => existsSync(path.join(dir, "initdb")));
  if (!found) throw new Error("no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)");
  return found;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  const port = await freePort();
  const dir = mkdtempSync(path.join(os.tmpdir(), "chronicle-pg-"));
  const data = path.join(dir, "data");
  // The server refuses to run as root: as root, run it as the postgres user (which owns the folder).
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) =>
    execFileSync(asRoot ? "runuser" : path.join(bin, tool), asRoot ? ["-u", "postgres", "--", path.join(bin, tool), ...args] : args, { stdio: "pipe", timeout: 120_000 });
  if (asRoot) {
    chmodSync(dir, 0o777);
  }
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync"]);
  // Asynchronous, so a test's own requests keep flowing while the server stops and starts.
  const runAsync = async (tool: string, args: string[]) => {
    await promisify(execFile)(asRoot ? "runuser" : path.join(bin, tool), asRoot ? ["-u", "postgres", "--", path.join(bin, tool), ...args] : args, { timeout: 120_000 });
  };
  const startArgs = ["-D", data, "-l", path.join(dir, "log"), "-w", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=on`, "start"];
  run("pg_ctl", startArgs);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    crash: () => runAsync("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]),
    start: () => runAsync("pg_ctl", startArgs),
    destroy() {
      try {
        run("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]);
      } catch {
        // Already stopped.
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
