// Settings
export { PlatformEnvSchema, parseEnv, DEFAULT_PGLITE_DIR, type PlatformEnv } from "./env.ts";
export { WebEnvSchema, type WebEnv } from "./web/web-env.ts";
export { clientAddressResolver } from "./web/client-address.ts";
// Assembly
export { SHOP_MIGRATIONS, migrateAll } from "./migrations.ts";
export { allProjections } from "./projections.ts";
export { createLogger, type Logger } from "./logger.ts";
export { embeddedMasterKeyFile, enablePersonalData, masterKeyOf, rotateMasterKey, type RotationResult } from "./personal-data.ts";
export { openPlatform, type OpenPlatformOptions, type Platform } from "./open-platform.ts";
export { startWorkerServices, type WorkerServices, type WorkerServicesOptions } from "./worker-services.ts";
export { openWebRuntime, type WebRuntime } from "./web/web-runtime.ts";
