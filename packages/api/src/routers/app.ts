import { router } from "../trpc/init.ts";
import { auditRouter } from "./admin/audit.ts";
import { customersRouter } from "./admin/customers.ts";
import { dashboardRouter } from "./admin/dashboard.ts";
import { explainRouter } from "./admin/explain.ts";
import { opsRouter } from "./admin/ops.ts";
import { overviewRouter } from "./admin/overview.ts";
import { adminOrdersRouter } from "./admin/orders.ts";
import { productsRouter } from "./admin/products.ts";
import { projectionsRouter } from "./admin/projections.ts";
import { servicesRouter } from "./admin/services.ts";
import { timeTravelRouter } from "./admin/time-travel.ts";
import { accountRouter } from "./account.ts";
import { cartRouter } from "./cart.ts";
import { catalogRouter } from "./catalog.ts";
import { ordersRouter } from "./orders.ts";
import { sessionRouter } from "./session.ts";

export const appRouter = router({
  session: sessionRouter,
  catalog: catalogRouter,
  cart: cartRouter,
  orders: ordersRouter,
  account: accountRouter,
  admin: router({
    dashboard: dashboardRouter,
    customers: customersRouter,
    orders: adminOrdersRouter,
    products: productsRouter,
    audit: auditRouter,
    timeTravel: timeTravelRouter,
    explain: explainRouter,
    overview: overviewRouter,
    projections: projectionsRouter,
    ops: opsRouter,
    services: servicesRouter,
  }),
});

export type AppRouter = typeof appRouter;
