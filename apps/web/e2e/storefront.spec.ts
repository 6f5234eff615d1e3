import { expect, test } from "@playwright/test";
import { screenshot } from "./support/screenshots";

// What a visitor who is not signed in sees: the catalog from the projection, product pages, the auth forms.
test.describe("storefront for a visitor", () => {
  test("the catalog lists the demo products with prices and asks to sign in to buy", async ({ page }, testInfo) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { name: "Shop" })).toBeVisible();
    const mug = page.getByTestId("product-101");
    await expect(mug).toContainText("Classic Mug");
    await expect(mug).toContainText("€12.00");
    await expect(mug.getByRole("link", { name: "Sign in to buy" })).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
    await screenshot(page, testInfo, "home");
  });

  test("a product page shows one product; an unknown one says so", async ({ page }, testInfo) => {
    await page.goto("/products/103");
    await expect(page.getByRole("heading", { name: "A5 Notebook" })).toBeVisible();
    await expect(page.getByText("NOTE-A5")).toBeVisible();
    await screenshot(page, testInfo, "product");
    const missing = await page.goto("/products/999999");
    expect(missing?.status()).toBe(404);
    await expect(page.getByTestId("not-found")).toContainText("Not found");
    await screenshot(page, testInfo, "product-not-found");
  });

  test("the cart and the orders need a sign-in", async ({ page }, testInfo) => {
    await page.goto("/cart");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
    await screenshot(page, testInfo, "sign-in");
    await page.goto("/orders");
    await expect(page).toHaveURL(/\/sign-in$/);
  });

  test("a wrong password is refused with a message", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill("alice@example.com");
    await page.getByLabel("Password").fill("not-her-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveCount(0);
  });
});
