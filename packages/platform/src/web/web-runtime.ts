import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createAuth, followClosedAccounts, seedDemoAccounts, type ApiServices, type Auth } from "@chronicle/api";
import { seedDemo } from "@chronicle/application";
import type { Logger } from "../logger.ts";
import { openPlatform, type Platform } from "../open-platform.ts";
import { startWorkerServices, type WorkerServices } from "../worker-services.ts";
import type { Transport } from "@chronicle/messaging";
import { createShippingClient, type ShippingClient } from "../services/shipping-client.ts";
import { openShippingService, type ShippingService } from "../services/shipping-service.ts";
import { startShopMessaging, type ShopMessaging } from "../services/shop-messaging.ts";
import { openTransport } from "../services/transport.ts";
import type { WebEnv } from "./web-env.ts";

/** The web process: what its API needs (`services`), and what it runs beside it. */
export interface WebRuntime {
  readonly platform: Platform;
  readonly auth: Auth;
  /** What the tRPC procedures get: the store, the read models, auth, the projections, the log. */
  readonly services: ApiServices;
  /** Set when this process runs the projections and fulfillment itself. */
  readonly worker: WorkerServices | null;
  /** The transport to the other services (NATS, or in-process on the embedded default): stats and dead letters. */
  readonly transport: Transport;
  /** The shipping service, when it runs inside this process (the embedded default, without NATS_URL). */
  readonly shipping: ShippingService | null;
  /** The shop's relay and inbox, when this process runs them. */
  readonly shopMessaging: ShopMessaging | null;
  /** The typed client of shipping's API (over HTTP at SHIPPING_URL, or local); null when neither is configured. */
  readonly shippingClient: ShippingClient | null;
  readonly origins: readonly string[];
  close(): Promise<void>;
}

/**
 * Assembles the web process: the platform (database, migrations, store), auth on the same database, the demo on a
 * fresh install (catalog, the article's story, the demo sign-ins) and, on PGlite or when asked, the worker's
 * services in this process. Without NATS_URL (the embedded default) the shipping service runs in this process too,
 * on its own database, and the two services talk through the in-process transport.
 */
export async function openWebRuntime(env: WebEnv, options: { log?: Logger } = {}): Promise<WebRuntime> {
  const platform = await openPlatform(env, { service: "web", ...(options.log && { log: options.log }) });
  const { store, log, database } = platform;
  try {
    const secret = env.BETTER_AUTH_SECRET ?? localSecret(env.DATABASE_URL ? path.dirname(env.PGLITE_DIR) : env.PGLITE_DIR, log);
    const auth = createAuth(store, { secret, origins: env.APP_ORIGIN, signInPerMinute: env.AUTH_ATTEMPTS_PER_MINUTE });
    if (env.SEED_DEMO) {
      const seeded = await seedDemo(store);
      const accounts = await seedDemoAccounts(auth);
      if (seeded.seeded) log.info({ commands: seeded.commands, events: seeded.events }, "demo data written to the log");
      for (const a of accounts) log.info({ email: a.email, password: a.password, role: a.role }, "demo sign-in created");
    }
    const runsWorker = env.WORKER ? env.WORKER === "inline" : database.driver === "pglite";
    const closedAccounts = await followClosedAccounts(store, { log });
    const embedded = !env.NATS_URL;
    const transport = await openTransport(env, "web", log, database);
    let shipping: ShippingService | null = null;
    let worker: WorkerServices | null = null;
    let shopMessaging: ShopMessaging | null = null;
    try {
      shipping = embedded ? await openShippingService(env, { transport, log }) : null;
      worker = runsWorker ? startWorkerServices(platform, { transport }) : null;
      // In-process messages cannot leave this process: without NATS, the shop's relay and inbox run here.
      shopMessaging = !runsWorker && embedded ? startShopMessaging(platform, transport) : null;
    } catch (error) {
      await worker?.stop().catch(() => {});
      await shipping?.stop().catch(() => {});
      await transport.close().catch(() => {});
      closedAccounts.stop();
      throw error;
    }
    const shippingClient = env.SHIPPING_URL
      ? createShippingClient({ url: env.SHIPPING_URL })
      : shipping
        ? createShippingClient({ local: shipping.api })
        : null;
    log.info(
      { driver: database.driver, worker: runsWorker ? "in this process" : "separate process", transport: transport.kind, shipping: shipping ? "in this process" : (env.SHIPPING_URL ?? "not configured") },
      "runtime ready",
    );
    return {
      platform,
      auth,
      services: { store, db: database.db, auth, projections: platform.projections, log, shipping: shippingClient, integration: { transport, store }, closedAccounts },
      worker,
      transport,
      shipping,
      shopMessaging,
      shippingClient,
      origins: env.APP_ORIGIN,
      async close() {
        closedAccounts.stop();
        await worker?.stop();
        await shopMessaging?.stop();
        await shipping?.stop();
        await transport.close();
        await platform.close();
      },
    };
  } catch (error) {
    await platform.close().catch(() => {});
    throw error;
  }
}

/**
 * Without BETTER_AUTH_SECRET (the demo), a random secret is made once and kept next to the data, so sessions
 * survive restarts. Production sets the variable.
 */
function localSecret(dir: string, log: Logger): string {
  const file = path.join(dir, "auth-secret");
  try {
    return readFileSync(file, "utf8").trim();
  } catch {
    mkdirSync(dir, { recursive: true });
    const secret = randomBytes(32).toString("hex");
    writeFileSync(file, secret, { mode: 0o600 });
    log.warn({ file }, "BETTER_AUTH_SECRET is not set: made a random one for this installation");
    return secret;
  }
}
