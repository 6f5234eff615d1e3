export { executeShopCommand, shopCommandsFor } from "./execute-command.ts";
export { createShopCommands, type ShopCommands, type ShopCommandsOptions } from "./shop-commands.ts";
export { DEFAULT_SNAPSHOT_EVERY, shopStreamModels, type ShopStreamModels } from "./shop-models.ts";
export { shopStatesOver } from "./shop-states.ts";
export { seedDemo, type SeedReport } from "./seed.ts";
export { replay } from "./replay.ts";
export * from "./explain/index.ts";
export { exportCustomerData, forgetCustomer, type ForgetCustomerResult, type PersonalDataExport } from "./forget-customer.ts";
