import {
  adminOrderList,
  adminOrdersReducer,
  catalogReducer,
  customerOrdersReducer,
  fold,
  listedProducts,
  ordersOfCustomer,
  overviewReducer,
  salesByDay,
  salesPerDayReducer,
  type OrderStatus,
  type ShopEvent,
} from "@chronicle/domain";
import type { Checkpoint, Executor, StoredEvent } from "@chronicle/event-store";
import { expect } from "vitest";
import { getCart } from "../queries/get-cart.ts";
import { listAdminOrders } from "../queries/list-admin-orders.ts";
import { listCatalog } from "../queries/list-catalog.ts";
import { listOrdersOfCustomer } from "../queries/list-orders-of-customer.ts";
import type { OrderView } from "../queries/order-rows.ts";
import { overview } from "../queries/overview.ts";
import { salesPerDay } from "../queries/sales-per-day.ts";
import type { Provenance } from "../support/provenance.ts";

const STATUSES: readonly (OrderStatus | undefined)[] = [undefined, "pending", "confirmed", "rejected", "cancelled", "shipped"];
const byProductId = (a: { productId: string }, b: { productId: string }) => a.productId.localeCompare(b.productId);
const withoutProvenance = <T extends { provenance: unknown }>({ provenance: _, ...rest }: T) => rest;
const summaryOf = ({ provenance: _, placement: __, ...summary }: OrderView) => summary;

/** Every query of the package against the domain's pure reducers folded over the same (upcast) events. */
export async function expectReadModelsToMatchReducers(executor: Executor, events: readonly ShopEvent[]): Promise<void> {
  const catalog = fold(catalogReducer, events);
  const allProducts = (await listCatalog(executor, { includeDelisted: true })).map(withoutProvenance);
  expect(allProducts.sort(byProductId)).toEqual(Object.values(catalog.products).sort(byProductId));
  const listed = (await listCatalog(executor)).map(withoutProvenance);
  expect(listed.sort(byProductId)).toEqual([...listedProducts(catalog)].sort(byProductId));

  const customers = fold(customerOrdersReducer, events);
  for (const userId of new Set([...Object.keys(customers.byCustomer), "1", "2", "3", "nobody"])) {
    const newestFirst = (await listOrdersOfCustomer(executor, userId)).map(summaryOf);
    expect(newestFirst.reverse(), `orders of customer ${userId}`).toEqual(ordersOfCustomer(customers, userId));
  }

  const admin = fold(adminOrdersReducer, events);
  for (const status of STATUSES) {
    const pages: OrderView[] = [];
    let before: Checkpoint | undefined;
    do {
      const page = await listAdminOrders(executor, { limit: 2, ...(status && { status }), ...(before && { before }) });
      pages.push(...page.orders);
      before = page.next ?? undefined;
    } while (before);
    expect(pages.map(summaryOf), `admin orders, status ${status ?? "any"}`).toEqual(adminOrderList(admin, status ? { status } : {}));
  }

  const days = salesByDay(fold(salesPerDayReducer, events));
  expect((await salesPerDay(executor, { from: "2000-01-01", to: "2099-12-31" })).map(withoutProvenance)).toEqual(days);
  const middle = days[Math.floor(days.length / 2)];
  if (middle) {
    const range = { from: middle.day, to: days[days.length - 1]!.day };
    expect((await salesPerDay(executor, range)).map(withoutProvenance)).toEqual(days.filter((day) => day.day >= range.from));
  }

  const expectedOverview = fold(overviewReducer, events);
  expect(await overview(executor)).toEqual(expectedOverview);
  for (const userId of [...Object.keys(expectedOverview.carts), "nobody"]) {
    const expectedItems = Object.hasOwn(expectedOverview.carts, userId) ? expectedOverview.carts[userId] : [];
    expect((await getCart(executor, userId)).items, `cart of ${userId}`).toEqual(expectedItems);
  }
}

/**
 * "Why is this row like this?": the row's provenance names an event of the row's stream, and the pure reducer
 * folded up to that event already gives the row's final state (nothing after it changed the row).
 */
export async function expectProvenanceToExplainRows(executor: Executor, stored: readonly StoredEvent[], events: readonly ShopEvent[]): Promise<void> {
  const at = (provenance: Provenance, streamId: string | undefined) => {
    const index = stored.findIndex((event) => event.eventId === provenance.eventId);
    expect(index, `provenance ${provenance.eventId}`).toBeGreaterThanOrEqual(0);
    const event = stored[index]!;
    expect({ txId: event.txId, position: event.position }).toEqual({ txId: provenance.txId, position: provenance.position });
    if (streamId) expect(event.streamId).toBe(streamId);
    return events.slice(0, index + 1);
  };
  const catalog = fold(catalogReducer, events);
  for (const item of await listCatalog(executor, { includeDelisted: true })) {
    const upTo = at(item.provenance, `product-${item.productId}`);
    expect(fold(catalogReducer, upTo).products[item.productId]).toEqual(catalog.products[item.productId]);
  }
  const admin = fold(adminOrdersReducer, events);
  const orderIn = (list: typeof admin, orderId: string) => list.orders.find((order) => order.orderId === orderId);
  for (const order of (await listAdminOrders(executor, { limit: 500 })).orders) {
    const upTo = at(order.provenance, `order-${order.orderId}`);
    expect(orderIn(fold(adminOrdersReducer, upTo), order.orderId)).toEqual(orderIn(admin, order.orderId));
  }
  const carts = fold(overviewReducer, events).carts;
  for (const userId of Object.keys(carts)) {
    const cart = await getCart(executor, userId);
    if (!cart.provenance) continue; // a registered user's cart that never had an event
    const upTo = at(cart.provenance, `cart-${userId}`);
    expect(fold(overviewReducer, upTo).carts[userId]).toEqual(carts[userId]);
  }
  const days = salesByDay(fold(salesPerDayReducer, events));
  for (const day of await salesPerDay(executor, { from: "2000-01-01", to: "2099-12-31" })) {
    const upTo = at(day.provenance, undefined);
    const then = salesByDay(fold(salesPerDayReducer, upTo)).find((d) => d.day === day.day);
    expect(then).toEqual(days.find((d) => d.day === day.day));
  }
}
