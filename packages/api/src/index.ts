import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "./routers/app.ts";

export { appRouter, type AppRouter } from "./routers/app.ts";
export { createContext, type Context, type SessionUser } from "./trpc/context.ts";
export { createCallerFactory } from "./trpc/init.ts";
export { READ_YOUR_WRITES_TIMEOUT_MS } from "./trpc/read-your-writes.ts";
export type { Auth, Role } from "./auth/auth.ts";
export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
