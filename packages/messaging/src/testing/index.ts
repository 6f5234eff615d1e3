import { randomBytes } from "node:crypto";
import { describe, it } from "vitest";
import { z } from "zod";
import type { StreamSpec } from "../types.ts";

// The only place this package's tests read the environment.
const TestEnv = z.object({
  NATS_URL: z.string().regex(/^nats:\/\//, "must be a nats:// URL").optional(),
  NATS_SERVER_BIN: z.string().optional(),
  PATH: z.string().optional(),
  CI: z.string().optional().transform((value) => value === "true" || value === "1"),
});
export const testEnv = TestEnv.parse({
  NATS_URL: process.env.NATS_URL || undefined,
  NATS_SERVER_BIN: process.env.NATS_SERVER_BIN || undefined,
  PATH: process.env.PATH,
  CI: process.env.CI,
});

export const natsUrl = testEnv.NATS_URL;

import { natsAnswers } from "./nats-server.ts";

export { natsAnswers };

const reachable = natsUrl ? await natsAnswers(natsUrl) : false;

/**
 * `describe` for suites that need a real NATS JetStream server. Without NATS_URL, or with a server that does not
 * answer, they are skipped locally (the name says why); under CI either is a failure.
 */
export function describeOnNats(name: string, suite: (url: string) => void): void {
  if (natsUrl && reachable) {
    const url = natsUrl;
    describe(name, () => suite(url));
    return;
  }
  const why = natsUrl ? `no NATS server answers at ${natsUrl}` : "NATS_URL is not set";
  if (testEnv.CI) {
    describe(name, () => {
      it("has a reachable NATS server (required under CI)", () => {
        throw new Error(`${why}: under CI the NATS suites must run, not skip`);
      });
    });
  } else {
    describe.skipIf(true)(`${name} (skipped: ${why}; set NATS_URL to a running nats-server -js)`, () => suite(""));
  }
}

/** A name no other test run uses: streams and consumers on a shared server must not collide. */
export function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

/** A small stream for tests, with the written-down limits every stream has. */
export function testStreamSpec(name: string, subjects: string[], overrides: Partial<StreamSpec> = {}): StreamSpec {
  return { name, subjects, maxAgeMs: 3600_000, maxMessages: 1_000_000, maxBytes: 512 * 1024 * 1024, duplicateWindowMs: 120_000, ...overrides };
}

/** Polls `condition` until it holds; fails after `timeoutMs`. */
export async function waitUntil(condition: () => boolean | Promise<boolean>, timeoutMs = 30_000, what = "condition"): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`${what} not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
