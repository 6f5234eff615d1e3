// The read models' tables, one file each; drizzle-kit reads this module to generate the migrations.
export { rmCatalog } from "./tables/catalog.ts";
export { rmCarts } from "./tables/carts.ts";
export { rmOrders } from "./tables/orders.ts";
export { rmSalesPerDay, rmSalesCountedOrders } from "./tables/sales-per-day.ts";
export { rmOverviewUsers } from "./tables/overview-users.ts";
