import { describe, expect, it } from "vitest";
import type { ShopCommand } from "../commands/shop-command.ts";
import { demoSeed } from "../demo/article-story.ts";
import { fold } from "../replay/fold.ts";
import { InMemoryShop } from "../testing/in-memory-shop.ts";
import { adminOrderList, adminOrdersReducer } from "./admin-orders.ts";
import { catalogReducer, listedProducts } from "./catalog.ts";
import { customerOrdersReducer, ordersOfCustomer } from "./customer-orders.ts";
import { salesByDay, salesPerDayReducer } from "./sales-per-day.ts";

/** The story, then the fulfillment process confirms 1001, Bob orders 1002 the next day and cancels it. */
function shopAfterTheStory(): InMemoryShop {
  const shop = new InMemoryShop().run(demoSeed);
  const run = (command: ShopCommand, now: string) => shop.execute(command, { now });
  run({ type: "ReserveStock", data: { orderId: "1001", lines: [{ productId: "101", quantity: 2 }] } }, "2024-03-01T09:10:01.000Z");
  run({ type: "ConfirmOrder", data: { orderId: "1001" } }, "2024-03-01T09:10:02.000Z");
  run({ type: "ChangePrice", data: { productId: "102", price: { amount: 2000, currency: "EUR" } } }, "2024-03-02T08:00:00.000Z");
  run({ type: "PlaceOrder", data: { userId: "2", orderId: "1002" } }, "2024-03-02T10:00:00.000Z");
  run({ type: "CancelOrder", data: { orderId: "1002" } }, "2024-03-02T10:05:00.000Z");
  run({ type: "DelistProduct", data: { productId: "105" } }, "2024-03-02T11:00:00.000Z");
  return shop;
}

describe("read models", () => {
  const events = shopAfterTheStory().events();

  it("catalog: current price and available stock (reserved units taken off), listed products only", () => {
    const catalog = fold(catalogReducer, events);
    expect(catalog.products["101"]).toMatchObject({ price: { amount: 1200, currency: "EUR" }, availableStock: 48, status: "listed" });
    expect(catalog.products["102"]).toMatchObject({ price: { amount: 2000, currency: "EUR" }, availableStock: 30 });
    expect(listedProducts(catalog).map((entry) => entry.productId)).toEqual(["101", "102", "103", "104"]);
  });

  it("a customer's orders, with their status", () => {
    const orders = fold(customerOrdersReducer, events);
    expect(ordersOfCustomer(orders, "1").map(({ orderId, status }) => ({ orderId, status }))).toEqual([{ orderId: "1001", status: "confirmed" }]);
    expect(ordersOfCustomer(orders, "2")).toEqual([
      expect.objectContaining({ orderId: "1002", status: "cancelled", total: { amount: 2000, currency: "EUR" }, updatedAt: "2024-03-02T10:05:00.000Z" }),
    ]);
    expect(ordersOfCustomer(orders, "3")).toEqual([]);
  });

  it("the admin order list: newest first, filterable by status", () => {
    const list = fold(adminOrdersReducer, events);
    expect(adminOrderList(list).map((order) => order.orderId)).toEqual(["1002", "1001"]);
    expect(adminOrderList(list, { status: "confirmed" }).map((order) => order.orderId)).toEqual(["1001"]);
  });

  it("sales per day: orders placed that day and still standing, revenue per currency", () => {
    expect(salesByDay(fold(salesPerDayReducer, events))).toEqual([
      { day: "2024-03-01", orders: 1, revenue: { EUR: 2400 } },
      { day: "2024-03-02", orders: 0, revenue: { EUR: 0 } },
    ]);
  });

  it("all agree with the order stream's own state", () => {
    const shop = shopAfterTheStory();
    const { byCustomer } = fold(customerOrdersReducer, events);
    expect(byCustomer["1"]?.[0]).toEqual(shop.order("1001"));
    expect(fold(adminOrdersReducer, events).orders).toEqual([shop.order("1001"), shop.order("1002")]);
  });
});
