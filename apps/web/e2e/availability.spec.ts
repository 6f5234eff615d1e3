import { execFileSync } from "node:child_process";
import postgres from "postgres";
import { expect, test } from "@playwright/test";
import { startApp, type AppProcess } from "./support/app-server";
import { startPrivatePostgres, type PrivatePostgres } from "./support/private-postgres";

/**
 * The platform as `npm start` runs it on Postgres (web + a worker process, restarted when they die), over a database
 * of its own that the tests crash and restart: a dying worker or a database restart must not stop the shop for good,
 * and nothing acknowledged may be lost.
 */
test.describe("availability under failures", () => {
  test.describe.configure({ mode: "serial", timeout: 240_000 });
  let pg: PrivatePostgres;
  let app: AppProcess;
  let shoppers: string[] = [];

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    pg = await startPrivatePostgres();
    app = await startApp("npm start", { DATABASE_URL: pg.url, AUTH_ATTEMPTS_PER_MINUTE: "1000", SHIP_DELAY_MS: "200" });
    shoppers = [];
    for (let i = 0; i < 4; i++) shoppers.push(await signUp(app.origin, `steady-${i}`));
  });
  test.afterAll(async () => {
    await app?.stop();
    pg?.destroy();
  });

  test("a worker killed with kill -9 under load: no request fails, it is restarted and catches up", async () => {
    const worker = workerPid(app);
    let killed = false;
    const outcome = await load(app.origin, shoppers, 8_000, 10, async (elapsed) => {
      if (!killed && elapsed >= 2_000 && worker !== null) {
        process.kill(worker, "SIGKILL");
        killed = true;
      }
      return killed;
    });
    await expect.poll(() => workerPid(app), { timeout: 60_000 }).not.toBe(worker);
    const fresh = await caughtUp(app.origin, shoppers[0]!, outcome.lastCheckpoint);
    console.log(`[availability] worker kill -9 under load: requests=${outcome.sent} ok=${outcome.ok} failed=${outcome.failed} ` +
      `restarted=${workerPid(app) !== worker} projections caught up=${fresh} answers=${JSON.stringify(outcome.byPhase(() => "all"))}`);
    expect(worker).not.toBeNull();
    expect(outcome.failed).toBe(0);
    expect(fresh).toBe(true);
  });

  test("the database stopped with -m immediate under load and started 3 s later: nothing acknowledged is lost, all serve again", async () => {
    let crashedAt = 0;
    let restartedAt = 0;
    let restarting: Promise<void> | undefined;
    const outcome = await load(app.origin, shoppers, 20_000, 10, async (elapsed) => {
      if (!crashedAt && elapsed >= 3_000) {
        crashedAt = Date.now();
        await pg.crash();
      } else if (crashedAt && !restarting && Date.now() - crashedAt >= 3_000) {
        restarting = pg.start().then(() => void (restartedAt = Date.now()));
      }
    });
    const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
    try {
      const stored = new Set((await sql<{ id: string }[]>`select metadata->>'commandId' as id from events where metadata->>'commandId' like 'client:%'`).map((r) => r.id.split(":").at(-1)!));
      const lost = outcome.acknowledged.filter((id) => !stored.has(id));
      const servedAfter = outcome.okAt.filter((at) => restartedAt > 0 && at > restartedAt).length;
      console.log(`[availability] answers by phase: ${JSON.stringify(outcome.byPhase((at) => (at < crashedAt ? "before" : !restartedAt || at < restartedAt ? "down" : "after")))}`);
      const fresh = await caughtUp(app.origin, shoppers[0]!, outcome.lastCheckpoint);
      console.log(`[availability] database crash: requests=${outcome.sent} acknowledged=${outcome.acknowledged.length} ` +
        `acknowledgedButLost=${lost.length} failedDuringOutage=${outcome.failed} servedAfterRestart=${servedAfter} projections caught up=${fresh}`);
      expect(lost).toEqual([]);
      expect(servedAfter).toBeGreaterThan(20);
      expect(fresh).toBe(true);
    } finally {
      await sql.end();
    }
  });
});

async function signUp(origin: string, name: string): Promise<string> {
  const response = await fetch(`${origin}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ name, email: `${name}-${Date.now()}@example.com`, password: "a-good-password" }),
  });
  if (!response.ok) throw new Error(`sign-up answered ${response.status}: ${await response.text()}`);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

/** The pid of `npm start`'s worker process (a child of start.mjs running the worker's main). */
function workerPid(app: AppProcess): number | null {
  const out = execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(app.child.pid)], { encoding: "utf8" });
  const line = out.split("\n").find((l) => l.includes("src/main.ts"));
  return line ? Number(line.trim().split(/\s+/)[0]) : null;
}

interface LoadOutcome {
  /** What each request got (an HTTP status, or the client's error), by when it was sent. */
  byPhase(phaseOf: (sentAt: number) => string): Record<string, Record<string, number>>;
  sent: number;
  ok: number;
  failed: number;
  /** Client command ids of the adds the server answered 200 to. */
  acknowledged: string[];
  okAt: number[];
  lastCheckpoint: string | null;
}

/**
 * An open-loop load: `perSecond` cart.add requests a second, whatever the answers, spread over the shoppers and the
 * demo products; `onTick`, called before each request, injects the failures.
 */
async function load(origin: string, shoppers: string[], durationMs: number, perSecond: number, onTick: (elapsed: number) => Promise<unknown>): Promise<LoadOutcome> {
  const answers: { sentAt: number; answer: string }[] = [];
  const outcome: LoadOutcome = {
    sent: 0, ok: 0, failed: 0, acknowledged: [], okAt: [], lastCheckpoint: null,
    byPhase: (phaseOf) => {
      const table: Record<string, Record<string, number>> = {};
      for (const { sentAt, answer } of answers) {
        const row = (table[phaseOf(sentAt)] ??= {});
        row[answer] = (row[answer] ?? 0) + 1;
      }
      return table;
    },
  };
  const started = Date.now();
  const pending: Promise<void>[] = [];
  for (let i = 0; Date.now() - started < durationMs; i++) {
    await onTick(Date.now() - started);
    const commandId = `load-${started}-${i}`;
    const cookie = shoppers[i % shoppers.length]!;
    outcome.sent++;
    const sentAt = Date.now();
    pending.push(fetch(`${origin}/api/trpc/cart.add`, {
      method: "POST",
      headers: { "content-type": "application/json", origin, cookie },
      body: JSON.stringify({ productId: ["101", "102", "103", "104", "105"][Math.floor(i / shoppers.length) % 5], quantity: 1, commandId }),
      signal: AbortSignal.timeout(30_000),
    }).then(async (response) => {
      const refusal = response.ok ? "" : ` ${((await response.clone().json().catch(() => ({}))) as { error?: { message?: string } }).error?.message?.slice(0, 60) ?? ""}`;
      answers.push({ sentAt, answer: `${response.status}${refusal}` });
      if (response.ok) {
        outcome.ok++;
        outcome.acknowledged.push(commandId);
        outcome.okAt.push(Date.now());
        if (cookie === shoppers[0]) {
          const { checkpoint } = ((await response.json()) as { result: { data: { checkpoint: string } } }).result.data;
          if (!outcome.lastCheckpoint || later(checkpoint, outcome.lastCheckpoint)) outcome.lastCheckpoint = checkpoint;
        }
      } else {
        outcome.failed++;
      }
    }, (error: Error) => {
      answers.push({ sentAt, answer: error.name });
      outcome.failed++;
    }));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + ((i + 1) * 1000) / perSecond - Date.now())));
  }
  await Promise.all(pending);
  return outcome;
}

/** Whether the carts read model has applied the shopper's last acknowledged write (the query waits up to 3 s a try). */
async function caughtUp(origin: string, cookie: string, checkpoint: string | null): Promise<boolean> {
  if (!checkpoint) return false;
  for (let attempt = 0; attempt < 20; attempt++) {
    const input = encodeURIComponent(JSON.stringify({ after: checkpoint }));
    const response = await fetch(`${origin}/api/trpc/cart.get?input=${input}`, { headers: { cookie } }).catch(() => null);
    if (response?.ok && ((await response.json()) as { result: { data: { fresh: boolean } } }).result.data.fresh) return true;
  }
  return false;
}

/** "txId/position" checkpoints, in the log's order. */
function later(a: string, b: string): boolean {
  const [ta, pa] = a.split("/").map(Number) as [number, number];
  const [tb, pb] = b.split("/").map(Number) as [number, number];
  return ta !== tb ? ta > tb : pa > pb;
}
