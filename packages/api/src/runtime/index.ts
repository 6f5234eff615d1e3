export { openRuntime, type Runtime, type RuntimeOptions } from "./runtime.ts";
export { loadApiEnv, ConfigurationError, type ApiEnv } from "./env.ts";
export { demoAccounts, type DemoAccount } from "../auth/demo-accounts.ts";
