import { expect, test } from "@playwright/test";
import { apiAs, browserAs } from "./support/accounts";
import { screenshot } from "./support/screenshots";
import { trpcMutation, trpcQuery } from "./support/trpc";

const adminPages = [
  "/admin",
  "/admin/customers",
  "/admin/orders",
  "/admin/orders/1001",
  "/admin/products",
  "/admin/audit",
  "/admin/time-travel?stream=cart-2",
  "/admin/overview",
  "/admin/projections",
];
const adminQueries: [string, unknown][] = [
  ["admin.customers.list", undefined],
  ["admin.orders.list", {}],
  ["admin.audit.list", {}],
  ["admin.dashboard.summary", undefined],
  ["admin.timeTravel.stream", { streamId: "cart-2" }],
  ["admin.projections.status", undefined],
  ["admin.timeTravel.compare", { streamId: "cart-2", from: 0, to: 1 }],
  ["admin.explain.exportSlice", { streamId: "cart-2", from: 1, to: 1 }],
  ["admin.ops.readHold", undefined],
  ["admin.ops.parked", undefined],
];
const adminMutations: [string, unknown][] = [
  ["admin.products.changePrice", { productId: "101", price: { amount: 1, currency: "EUR" } }],
  ["admin.projections.rebuild", { name: "orders" }],
];

test.describe("authorization", () => {
  test("a customer opening the back office sees a refusal and no admin data", async ({ browser }, testInfo) => {
    const context = await browserAs(browser, testInfo, "alice");
    const page = await context.newPage();
    for (const path of adminPages) {
      await page.goto(path);
      await expect(page.getByTestId("admin-forbidden"), path).toBeVisible();
      const html = await page.content();
      // Other customers are admin data: Bob's name may reach neither the page nor its React payload.
      expect(html, path).not.toContain('"Bob"');
      expect(html, path).not.toContain(">Bob<");
      await expect(page.getByTestId("customers-table")).toHaveCount(0);
      await expect(page.getByTestId("audit-table")).toHaveCount(0);
      await expect(page.getByRole("navigation", { name: "Back office" })).toHaveCount(0);
    }
    await page.goto("/admin/customers");
    await screenshot(page, testInfo, "admin-forbidden");
    await context.close();
  });

  test("a visitor opening the back office is sent to sign in", async ({ page }) => {
    for (const path of ["/admin", "/admin/customers", "/admin/audit"]) {
      await page.goto(path);
      await expect(page).toHaveURL(/\/sign-in$/);
    }
  });

  test("admin procedures over HTTP: 403 FORBIDDEN for a customer, 401 UNAUTHORIZED for a visitor", async ({ request }, testInfo) => {
    const alice = await apiAs(testInfo, "alice");
    try {
      for (const [path, input] of adminQueries) {
        const asCustomer = await trpcQuery(alice, path, input);
        expect([asCustomer.status, asCustomer.error?.code], `${path} as a customer`).toEqual([403, "FORBIDDEN"]);
        const asVisitor = await trpcQuery(request, path, input);
        expect([asVisitor.status, asVisitor.error?.code], `${path} as a visitor`).toEqual([401, "UNAUTHORIZED"]);
      }
      for (const [path, input] of adminMutations) {
        const asCustomer = await trpcMutation(alice, path, input);
        expect([asCustomer.status, asCustomer.error?.code], `${path} as a customer`).toEqual([403, "FORBIDDEN"]);
        const asVisitor = await trpcMutation(request, path, input);
        expect([asVisitor.status, asVisitor.error?.code], `${path} as a visitor`).toEqual([401, "UNAUTHORIZED"]);
      }
      // Nothing changed: the mug still costs what the demo listed it at.
      const catalog = await trpcQuery<{ productId: string; price: { amount: number } }[]>(request, "catalog.list");
      expect(catalog.data!.find((p) => p.productId === "101")!.price.amount).toBe(1200);
    } finally {
      await alice.dispose();
    }
  });

  test("an admin cannot shop as a customer (cart procedures are for customers)", async () => {
    const testInfo = test.info();
    const admin = await apiAs(testInfo, "admin");
    try {
      const add = await trpcMutation(admin, "cart.add", { productId: "101", quantity: 1 });
      expect([add.status, add.error?.code]).toEqual([403, "FORBIDDEN"]);
    } finally {
      await admin.dispose();
    }
  });
});
