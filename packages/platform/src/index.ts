// Settings
export { PlatformEnvSchema, parseEnv, DEFAULT_PGLITE_DIR, DEFAULT_SHIPPING_PGLITE_DIR, shippingPgliteDir, type PlatformEnv } from "./env.ts";
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
// Services and their integration
export { openTransport } from "./services/transport.ts";
export { openShippingService, type ShippingService, type ShippingEnv } from "./services/shipping-service.ts";
export { startShopMessaging, type ShopMessaging } from "./services/shop-messaging.ts";
export { createShippingClient, type ShippingClient } from "./services/shipping-client.ts";
