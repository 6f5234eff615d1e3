import type { Projection } from "@chronicle/event-store";
import { cartsProjection } from "./carts-projection.ts";
import { catalogProjection } from "./catalog-projection.ts";
import { ordersProjection } from "./orders-projection.ts";
import { overviewUsersProjection } from "./overview-users-projection.ts";
import { salesPerDayProjection } from "./sales-per-day-projection.ts";

/** Every read model of the shop, for the runner. Each owns its tables; none reads another's. */
export const shopProjections: readonly Projection[] = [
  catalogProjection,
  cartsProjection,
  ordersProjection,
  salesPerDayProjection,
  overviewUsersProjection,
];
