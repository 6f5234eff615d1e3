import path from "node:path";
import { defineConfig } from "@playwright/test";
import { appOrigin, e2eEnv } from "./e2e/support/env";

const env = e2eEnv();
const origin = appOrigin();
const next = "./node_modules/.bin/next";
// The app's own server (server.ts): it writes the client's address into every request, as in production.
const serve = `"${process.execPath}" --import tsx server.ts`;

/**
 * End-to-end against the PRODUCTION build (`next build` into .next-e2e, then the app's server.ts), on a fresh PGlite folder
 * with the demo seed and the worker's services in-process. One worker: the journeys share one server, and the
 * browser and the server share the CI machine's two cores.
 */
export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: env.E2E_REPORT }]],
  use: {
    baseURL: origin,
    browserName: "chromium",
    viewport: { width: 1280, height: 800 },
    // Charts draw without their entry animation, so screenshots show the data, not a frame of the animation.
    contextOptions: { reducedMotion: "reduce" },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      // Debian's chromium (apt-get install chromium), never a downloaded one: browser downloads fail offline.
      executablePath: env.CHROMIUM_PATH,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    { name: "chromium", testMatch: /.*\.spec\.ts/, dependencies: ["setup"] },
  ],
  webServer: {
    command: env.E2E_SKIP_BUILD ? serve : `${next} build && ${serve}`,
    url: `${origin}/api/trpc/catalog.list`,
    reuseExistingServer: false,
    timeout: env.E2E_SKIP_BUILD ? 120_000 : 480_000,
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NEXT_DIST_DIR: ".next-e2e",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(env.E2E_PORT),
      APP_ORIGIN: origin,
      // The shop's and the shipping service's embedded databases, each in a folder of its own.
      PGLITE_DIR: path.join(env.E2E_PGLITE_DIR, "shop"),
      SHIPPING_PGLITE_DIR: path.join(env.E2E_PGLITE_DIR, "shipping"),
      SHIP_DELAY_MS: "1000",
      DELIVERY_DELAY_MS: "2500",
      SEED_DEMO: "true",
      LOG_LEVEL: "warn",
      BETTER_AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
      // Given, so no key file is left next to the temporary data folder (the embedded default writes one there).
      PERSONAL_DATA_MASTER_KEY: "ZTJlLW9ubHktbWFzdGVyLWtleS0wMTIzNDU2Nzg5YWI=",
      // Empty means unset (the API's env module drops empty values): always PGlite here, even when CI exports a
      // Postgres URL for the vitest suites; the worker runs in-process on PGlite.
      DATABASE_URL: "",
      WORKER: "",
      // Likewise the embedded default for the services: shipping inside the web process, the in-process transport.
      NATS_URL: "",
      SHIPPING_DATABASE_URL: "",
      SHIPPING_URL: "",
    },
  },
});
