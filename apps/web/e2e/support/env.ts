import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { z } from "zod";

// The only place the e2e suite reads its environment. Playwright loads the config once in the runner and again in
// every worker process: the runner's first load picks the port and the data folder and leaves them in process.env,
// which the workers inherit, so every process agrees on one server.
const E2eEnv = z.object({
  E2E_PORT: z.coerce.number().int().min(1024).max(65_535),
  E2E_PGLITE_DIR: z.string().min(1),
  /** Where the JSON report goes (tooling/scripts/test.mjs reads it for its summary line). */
  E2E_REPORT: z.string().min(1).default("test-results/e2e-report.json"),
  /** Set by tooling/scripts/e2e.mjs, which builds first: then the web server only starts the build. */
  E2E_SKIP_BUILD: z.enum(["0", "1"]).default("0").transform((v) => v === "1"),
  CHROMIUM_PATH: z.string().min(1).default("/usr/bin/chromium"),
  CI: z.string().optional().transform((v) => v === "true" || v === "1"),
});

export type E2eEnvironment = z.infer<typeof E2eEnv>;

/** A free TCP port in 3300-3399 (this suite's range), found synchronously because Playwright configs are sync. */
function freePort(): number {
  const probe = `
    const net = require("node:net");
    const start = 3300 + Math.floor(Math.random() * 100);
    const tryPort = (i) => {
      if (i === 100) process.exit(1);
      const port = 3300 + ((start - 3300 + i) % 100);
      const server = net.createServer();
      server.once("error", () => tryPort(i + 1));
      server.listen(port, () => server.close(() => console.log(port)));
    };
    tryPort(0);`;
  const result = spawnSync(process.execPath, ["-e", probe], { encoding: "utf8" });
  const port = Number(result.stdout.trim());
  if (result.status !== 0 || !Number.isInteger(port)) throw new Error("no free port in 3300-3399 for the e2e server");
  return port;
}

/** Parses the environment, first filling in a free port and a fresh PGlite folder when the caller gave none. */
export function e2eEnv(): E2eEnvironment {
  process.env.E2E_PORT ||= String(freePort());
  process.env.E2E_PGLITE_DIR ||= mkdtempSync(path.join(os.tmpdir(), "chronicle-e2e-"));
  return E2eEnv.parse(process.env);
}

/** The server's origin: the one allowed origin for mutations (APP_ORIGIN). */
export function appOrigin(): string {
  return `http://localhost:${e2eEnv().E2E_PORT}`;
}
