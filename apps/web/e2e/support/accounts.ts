import path from "node:path";
import { request as playwrightRequest, type APIRequestContext, type Browser, type BrowserContext, type TestInfo } from "@playwright/test";
import { appOrigin } from "./env";

/** The demo sign-ins a fresh install seeds (packages/api/src/auth/demo-accounts.ts). */
export const demo = {
  admin: { email: "admin@chronicle.test", password: "chronicle-admin" },
  alice: { email: "alice@example.com", password: "alice-shops", userId: "1" },
} as const;

/**
 * Where the setup project keeps each role's signed-in browser state. better-auth allows 10 sign-ins a minute per
 * client address, so the suite signs each demo account in once and reuses the cookie.
 */
export function storageStateOf(testInfo: TestInfo, role: "admin" | "alice"): string {
  return path.join(testInfo.project.outputDir, ".auth", `${role}.json`);
}

/** Signs in over better-auth's HTTP API; the request context keeps the session cookie. */
export async function signIn(request: APIRequestContext, account: { email: string; password: string }): Promise<void> {
  const response = await request.post("/api/auth/sign-in/email", {
    data: { email: account.email, password: account.password },
    headers: { origin: appOrigin() },
  });
  if (!response.ok()) throw new Error(`sign-in of ${account.email} failed: ${response.status()} ${await response.text()}`);
}

/** A browser context signed in as a demo account (the setup project's saved cookie). */
export function browserAs(browser: Browser, testInfo: TestInfo, role: "admin" | "alice"): Promise<BrowserContext> {
  return browser.newContext({ storageState: storageStateOf(testInfo, role) });
}

/** An HTTP client signed in as a demo account; dispose it when done. */
export function apiAs(testInfo: TestInfo, role: "admin" | "alice"): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL: appOrigin(), storageState: storageStateOf(testInfo, role) });
}
