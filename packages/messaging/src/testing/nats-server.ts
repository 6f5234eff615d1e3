import { spawn, type ChildProcess } from "node:child_process";
import { accessSync, constants } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { connect } from "@nats-io/transport-node";

// A NATS server of a test's or a benchmark's own, with nothing of a test runner in it: vitest suites, benchmarks and
// the browser suite (Playwright) all start one through this module.

/** Whether a NATS server answers at `url` within `timeoutMs`. */
export async function natsAnswers(url: string, timeoutMs = 2000): Promise<boolean> {
  try {
    const nc = await connect({ servers: url, timeout: timeoutMs, reconnect: false });
    await nc.close();
    return true;
  } catch {
    return false;
  }
}

/** The nats-server binary: NATS_SERVER_BIN, or `nats-server` on the PATH (or in the sbin folders). */
export function natsServerBinary(): string | undefined {
  if (process.env.NATS_SERVER_BIN) return process.env.NATS_SERVER_BIN;
  const folders = [...(process.env.PATH ?? "").split(path.delimiter), "/usr/local/sbin", "/usr/sbin", "/sbin"];
  for (const folder of folders) {
    const candidate = path.join(folder, "nats-server");
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      continue;
    }
  }
  return undefined;
}

/** A port the system has free right now (asked of the OS: listen on port 0, read it, close). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface OwnNatsServer {
  readonly url: string;
  /** Graceful stop (SIGTERM: the server flushes its streams to disk), waiting for the exit. */
  stop(): Promise<void>;
  /** Starts it again on the same port and storage folder; resolves when it answers. */
  start(): Promise<void>;
  readonly running: boolean;
  /** Stops it and deletes its storage folder. */
  dispose(): Promise<void>;
}

/** A JetStream server of the test's own, on a free port with a fresh storage folder. */
export async function startOwnNatsServer(binary: string): Promise<OwnNatsServer> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), "nats-proof-"));
  const url = `nats://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  const start = async () => {
    const started = spawn(binary, ["-a", "127.0.0.1", "-p", String(port), "-js", "-sd", dir], { stdio: "ignore" });
    child = started;
    const deadline = Date.now() + 20_000;
    while (!(await natsAnswers(url, 500))) {
      if (started.exitCode !== null) throw new Error(`nats-server exited with ${started.exitCode}`);
      if (Date.now() > deadline) throw new Error("nats-server did not answer within 20 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const stop = async () => {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    const timer = setTimeout(() => running.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };
  await start();
  return {
    url,
    stop,
    start,
    get running() {
      return child !== undefined;
    },
    async dispose() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
