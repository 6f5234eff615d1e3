import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./routers/app.ts";

export { appRouter, type AppRouter } from "./routers/app.ts";
export { createContext, type ApiServices, type Context, type CreateContextOptions, type SessionUser } from "./trpc/context.ts";
export { createCallerFactory } from "./trpc/init.ts";
export { fieldErrorsOf, readableIssues } from "./trpc/errors.ts";
export { READ_YOUR_WRITES_TIMEOUT_MS } from "./trpc/read-your-writes.ts";
export { createAuth, SESSION_CACHE_SECONDS, type Auth, type AuthOptions, type Role } from "./auth/auth.ts";
export { followClosedAccounts, type ClosedAccounts, type FollowClosedAccountsOptions } from "./auth/closed-accounts.ts";
export { authMigrationSet } from "./auth/migrations.ts";
export { CLIENT_ADDRESS_HEADER } from "./auth/client-address-header.ts";
export { demoAccounts, seedDemoAccounts, type DemoAccount } from "./auth/demo-accounts.ts";
export type { OverviewCheckStep } from "./explain/overview-check.ts";
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
