import { readFileSync } from "node:fs";
import { request as playwrightRequest, expect, test } from "@playwright/test";
import { browserAs } from "./support/accounts";
import { appOrigin } from "./support/env";
import { screenshot } from "./support/screenshots";
import { trpcMutation, trpcQuery } from "./support/trpc";

/** A shopper whose cart gets three versions: 103 added, 105 added, 105 changed to 3. */
async function shopperWithThreeCartVersions(): Promise<string> {
  const shopper = await playwrightRequest.newContext({ baseURL: appOrigin() });
  try {
    const signUp = await shopper.post("/api/auth/sign-up/email", {
      data: { name: "Finn Explain", email: `finn-${Date.now()}@example.com`, password: "finn-shops-1" },
      headers: { origin: appOrigin() },
    });
    expect(signUp.ok(), await signUp.text()).toBe(true);
    for (const [path, input] of [
      ["cart.add", { productId: "103", quantity: 1 }],
      ["cart.add", { productId: "105", quantity: 1 }],
      ["cart.changeQuantity", { productId: "105", quantity: 3 }],
    ] as const) {
      expect((await trpcMutation(shopper, path, input)).status).toBe(200);
    }
    return (await trpcQuery<{ id: string }>(shopper, "session.me")).data!.id;
  } finally {
    await shopper.dispose();
  }
}

test.describe("explain anything", () => {
  test("admin: replays order 1001's decision, downloads its spec, compares cart versions 1 and 3, sees the overview", async ({ browser }, testInfo) => {
    const userId = await shopperWithThreeCartVersions();
    const context = await browserAs(browser, testInfo, "admin");
    const page = await context.newPage();

    // An order's event: the OrderPlaced of the article's order 1001, opened from the order's history.
    await page.goto("/admin/orders/1001");
    await page.getByRole("row").filter({ hasText: "OrderPlaced" }).getByRole("link", { name: "Event" }).click();
    await expect(page.getByTestId("event-type")).toHaveText("OrderPlaced");
    const panel = page.getByTestId("decision-panel");
    await expect(panel).toContainText("PlaceOrder");
    await expect(panel).toContainText("product-101 v2");
    await panel.getByRole("button", { name: "Replay decision" }).click();
    await expect(page.getByTestId("replay-verdict")).toHaveText("same");
    await expect(page.getByTestId("replay-order-1001")).toContainText("OrderPlaced");
    await expect(page.getByTestId("replay-cart-1")).toContainText("CartCheckedOut");
    await screenshot(page, testInfo, "admin-event-replay");

    const downloading = page.waitForEvent("download");
    await panel.getByRole("button", { name: "Download spec" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("order-1001-v1-OrderPlaced.test.ts");
    const spec = readFileSync(await download.path(), "utf8");
    expect(spec).toContain("specification(orderDecider");
    expect(spec).toContain('{ type: "PlaceOrder", data: { userId: "1", orderId: "1001" } }');
    await expect(page.getByTestId("download-decision-spec")).toContainText("Downloaded order-1001-v1-OrderPlaced.test.ts");

    // Any two versions of a cart, not only one and the next.
    await page.goto(`/admin/time-travel?stream=cart-${userId}`);
    const compare = page.getByTestId("compare-versions");
    await compare.getByLabel("From version").fill("1");
    await compare.getByLabel("To version").fill("3");
    await compare.getByRole("button", { name: "Compare" }).click();
    await expect(page.getByTestId("compare-title")).toHaveText("Version 1 → version 3: 1 difference(s)");
    await expect(page.getByTestId("compare-from")).not.toContainText('"105"');
    await expect(page.getByTestId("compare-to")).toContainText('"105"');
    await expect(page.getByTestId("compare-changes")).toContainText("items.1");
    const slice = page.waitForEvent("download");
    await compare.getByRole("button", { name: "Export versions 1..3 as a reducer test" }).click();
    expect((await slice).suggestedFilename()).toBe(`cart-${userId}-v1-to-v3.test.ts`);
    await screenshot(page, testInfo, "admin-time-travel-compare");

    // The article's overview: replayed with a progress bar, next to the projections.
    await page.goto("/admin/overview");
    await expect(page.getByTestId("overview-agree")).toContainText("They agree", { timeout: 20_000 });
    await expect(page.getByTestId("overview-progress")).toContainText("100%");
    for (const view of ["overview-log", "overview-projections"]) {
      await expect(page.getByTestId(`${view}-user-1`)).toContainText("Alice");
      await expect(page.getByTestId(`${view}-user-1`)).toContainText("1001: 2 × 101");
      await expect(page.getByTestId(`${view}-user-2`)).toContainText("Bob");
      await expect(page.getByTestId(`${view}-user-2`)).toContainText("1 × 102");
    }
    await screenshot(page, testInfo, "admin-overview");

    await page.goto("/admin/projections");
    await expect(page.getByTestId("read-hold")).toContainText("Nothing holds readers back");
    await expect(page.getByTestId("parked-commands")).toBeVisible();
    await screenshot(page, testInfo, "admin-projections-ops");
    await context.close();
  });
});
