import { expect, test } from "@playwright/test";
import { browserAs } from "./support/accounts";
import { screenshot } from "./support/screenshots";

/**
 * The right to be forgotten in the browser: a shopper who ordered deletes their account; afterwards the admin sees
 * "erased" where their name was — the customer list, the order's history, the audit log — their order still counts,
 * and signing in with their old password is refused.
 */
test("a shopper deletes their account: the admin sees 'erased', the order stays, sign-in is refused", async ({ page, browser }, testInfo) => {
  const stamp = Date.now();
  const name = `Paula Private ${stamp}`;
  const email = `paula-${stamp}@example.com`;
  const password = "paula-shops-1";
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("signed-in-as")).toContainText(name);

  const sticker = page.getByTestId("product-105");
  await sticker.getByRole("button", { name: "Add to cart" }).click();
  await expect(sticker.getByRole("status")).toHaveText("Added 1 to your cart");
  await page.getByRole("link", { name: "Cart", exact: true }).click();
  await page.getByRole("button", { name: "Place order" }).click();
  await page.waitForURL(/\/orders\?placed=/);
  const orderId = new URL(page.url()).searchParams.get("placed")!;
  await expect(page.getByTestId(`order-${orderId}`).getByTestId("order-status")).toHaveText("shipped", { timeout: 20_000 });

  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByTestId("account-email")).toHaveText(email);
  await page.getByTestId("delete-account").click();
  await expect(page.getByRole("alertdialog")).toContainText("cannot be undone");
  await screenshot(page, testInfo, "account-delete-confirm");
  await page.getByTestId("confirm-delete-account").click();
  await page.waitForURL(/\/\?account=deleted/);
  await expect(page.getByTestId("account-deleted")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await screenshot(page, testInfo, "account-deleted");

  // The account is closed: the old password no longer signs in.
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  await screenshot(page, testInfo, "sign-in-refused-after-delete");

  const admin = await (await browserAs(browser, testInfo, "admin")).newPage();
  // The order's history: the order is still there, its customer erased.
  await admin.goto(`/admin/orders/${orderId}`);
  const customer = admin.getByTestId("order-customer");
  await expect(customer.getByTestId("erased")).toHaveText("erased");
  const userId = (await customer.locator(".mono").textContent())!.trim();
  await expect(admin.getByTestId("order-history").getByTestId("erased").first()).toHaveText("erased");
  await expect(admin.getByText(name)).toHaveCount(0);
  await screenshot(admin, testInfo, "admin-order-erased");

  // The customer list: the row stays with its order, the name erased.
  await admin.goto("/admin/customers");
  const row = admin.getByTestId(`customer-${userId}`);
  await expect(row.getByTestId("erased")).toHaveText("erased");
  await expect(row).toContainText("1");
  await expect(admin.getByTestId("customers-table")).not.toContainText(name);
  await screenshot(admin, testInfo, "admin-customers-erased");

  // The audit log: the customer's events are all there, their personal fields erased.
  await admin.goto(`/admin/audit?streamId=${encodeURIComponent(`user-${userId}`)}`);
  const rows = admin.getByTestId("audit-row");
  await expect(rows.filter({ hasText: "CustomerForgotten" })).toHaveCount(1);
  await expect(rows.filter({ hasText: "UserRegistered" }).getByTestId("erased")).toHaveText("erased");
  await screenshot(admin, testInfo, "admin-audit-erased");
  await rows.filter({ hasText: "UserRegistered" }).getByRole("link", { name: "Event →" }).click();
  await expect(admin.getByTestId("event-erased")).toContainText("name, email");
  await expect(admin.getByTestId("event-data")).not.toContainText(email);
  await screenshot(admin, testInfo, "admin-event-erased");

  // The admin's customer page offers the export (what the log still holds: erased fields) and no second forget.
  await admin.goto(`/admin/customers/${userId}`);
  await expect(admin.getByTestId("forget-customer")).toBeDisabled();
  const download = admin.waitForEvent("download");
  await admin.getByTestId("export-data").click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`customer-${userId}-personal-data.json`);
  await screenshot(admin, testInfo, "admin-customer-forgotten");
});
