// Projections (for the runner)
export { shopProjections } from "./read-models/shop-projections.ts";
export { catalogProjection } from "./read-models/catalog-projection.ts";
export { cartsProjection } from "./read-models/carts-projection.ts";
export { ordersProjection } from "./read-models/orders-projection.ts";
export { salesPerDayProjection } from "./read-models/sales-per-day-projection.ts";
export { overviewUsersProjection } from "./read-models/overview-users-projection.ts";
// Tables and their migrations
export { rmCatalog, rmCarts, rmOrders, rmSalesPerDay, rmSalesCountedOrders, rmOverviewUsers } from "./schema.ts";
export { projectionsMigrationSet } from "./migrations.ts";
// Queries (for the API)
export { listCatalog, getCatalogItem, type CatalogItem } from "./queries/list-catalog.ts";
export { getCart, type CartView } from "./queries/get-cart.ts";
export { listOrdersOfCustomer } from "./queries/list-orders-of-customer.ts";
export { listAdminOrders, MAX_ADMIN_ORDERS_PAGE, type AdminOrdersPage } from "./queries/list-admin-orders.ts";
export type { OrderView } from "./queries/order-rows.ts";
export { salesPerDay, type DaySalesView } from "./queries/sales-per-day.ts";
export { overview } from "./queries/overview.ts";
export type { Provenance } from "./support/provenance.ts";
export { isProjectionError, ProjectionError, PROJECTION_ERROR_CODES, type ProjectionErrorCode } from "./errors.ts";
export { getOrder } from "./queries/get-order.ts";
export { listCustomers, type CustomerView } from "./queries/list-customers.ts";
