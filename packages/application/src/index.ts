export { executeShopCommand } from "./execute-command.ts";
export { shopStatesOver } from "./shop-states.ts";
export { seedDemo, type SeedReport } from "./seed.ts";
export { replay } from "./replay.ts";
