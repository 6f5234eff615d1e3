import { expect, test, type Page } from "@playwright/test";
import { screenshot } from "./support/screenshots";
import { trpcQuery, type AuditEvent } from "./support/trpc";
import { demo } from "./support/accounts";

const FOLLOWING = ["pending", "confirmed"];

/** The shopper's account and order, made by the first journey and inspected by the admin in the second. */
interface Purchase {
  userId: string;
  orderId: string;
}

/**
 * Records every status the order badges show, from now on, in the page itself: the list follows the worker by
 * polling, and a state that lasts less than a poll (or an assertion's retry) would otherwise go unseen. The marker
 * on window proves afterwards that the page was never reloaded.
 */
async function recordStatuses(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seen: string[] = [];
    const w = window as unknown as { e2eStatuses: string[]; e2eSameDocument: boolean };
    w.e2eStatuses = seen;
    w.e2eSameDocument = true;
    const record = () => {
      for (const badge of document.querySelectorAll('[data-testid="order-status"]')) {
        const text = badge.textContent?.trim() ?? "";
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }
    };
    new MutationObserver(record).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

test.describe.serial("journeys", () => {
  let purchase: Purchase | undefined;

  test("shopper: sign up, add to cart, place an order, watch it ship without reloading", async ({ page }, testInfo) => {
    const email = `erin-${Date.now()}@example.com`;
    await page.goto("/sign-up");
    await screenshot(page, testInfo, "sign-up");
    await page.getByLabel("Name").fill("Erin Endtoend");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("erin-shops-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText("Erin Endtoend");

    // Two lines, one after the other: the admin's time travel shows the cart with only the first.
    const notebook = page.getByTestId("product-103");
    await notebook.getByLabel("Quantity").fill("2");
    await notebook.getByRole("button", { name: "Add to cart" }).click();
    await expect(notebook.getByRole("status")).toHaveText("Added 2 to your cart");
    const stickers = page.getByTestId("product-105");
    await stickers.getByRole("button", { name: "Add to cart" }).click();
    await expect(stickers.getByRole("status")).toHaveText("Added 1 to your cart");
    await screenshot(page, testInfo, "catalog-signed-in");

    await page.getByRole("link", { name: "Cart", exact: true }).click();
    await expect(page.getByTestId("cart")).toBeVisible();
    await expect(page.getByTestId("cart-line-103")).toContainText("A5 Notebook");
    await expect(page.getByTestId("cart-line-105")).toContainText("Sticker Set");
    await expect(page.getByTestId("cart-total")).toHaveText("Total €22.48");
    await screenshot(page, testInfo, "cart");

    await recordStatuses(page);
    await page.getByRole("button", { name: "Place order" }).click();
    await page.waitForURL(/\/orders\?placed=/);
    const orderId = new URL(page.url()).searchParams.get("placed")!;
    const row = page.getByTestId(`order-${orderId}`);
    await expect(row).toBeVisible();
    const badge = row.getByTestId("order-status");
    await expect(badge).toHaveText(/^(pending|confirmed|shipped)$/);
    await screenshot(page, testInfo, "orders-following");
    // On the e2e server the shipping service dispatches 1 s after the confirmation and delivers 2.5 s later: the
    // order shows shipped with its carrier's tracking number, then delivered, without a reload.
    await expect(badge).toHaveText("shipped", { timeout: 20_000 });
    await expect(row.getByTestId("order-tracking")).toContainText(/Chronicle Express · tracking CX-[A-Z0-9]+-[0-9A-F]{8}/);
    await screenshot(page, testInfo, "orders-shipped");
    await expect(badge).toHaveText("delivered", { timeout: 20_000 });
    await expect(row.getByTestId("order-tracking")).toContainText("CX-");

    const { statuses, sameDocument } = await page.evaluate(() => {
      const w = window as unknown as { e2eStatuses: string[]; e2eSameDocument?: boolean };
      return { statuses: w.e2eStatuses, sameDocument: w.e2eSameDocument === true };
    });
    testInfo.annotations.push({ type: "order statuses seen", description: statuses.join(" → ") });
    console.log(`order ${orderId} statuses seen without reload: ${statuses.join(" → ")}`);
    expect(sameDocument, "the page was not reloaded").toBe(true);
    expect(FOLLOWING, "the order first shows as still moving").toContain(statuses[0]);
    expect(statuses.slice(-2)).toEqual(["shipped", "delivered"]);
    expect(statuses.indexOf("pending")).toBeLessThanOrEqual(Math.max(0, statuses.indexOf("confirmed")));
    await screenshot(page, testInfo, "orders");

    const me = await trpcQuery<{ id: string }>(page.request, "session.me");
    expect(me.status).toBe(200);
    purchase = { userId: me.data!.id, orderId };
  });

  test("admin: sign in, follow the order through the audit log, time travel, rebuild a projection", async ({ page }, testInfo) => {
    // Serial: the shopper's journey ran first. Without its order this journey fails, it is never skipped.
    expect(purchase, "the shopper journey must have placed an order").toBeDefined();
    const { userId, orderId } = purchase!;

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(demo.admin.email);
    await page.getByLabel("Password").fill(demo.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin$/);
    await expect(page.getByTestId("signed-in-as")).toContainText("admin");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await screenshot(page, testInfo, "admin-dashboard");

    await page.goto("/admin/customers");
    await expect(page.getByTestId("customers-table").getByRole("row").filter({ hasText: userId })).toContainText("Erin Endtoend");
    await screenshot(page, testInfo, "admin-customers");

    await page.goto("/admin/orders");
    await expect(page.getByText(orderId).first()).toBeVisible();
    await screenshot(page, testInfo, "admin-orders");

    await page.goto(`/admin/orders/${orderId}`);
    await expect(page.getByText("OrderShipped").first()).toBeVisible();
    // The order's story across both services: the shop's events and the shipping service's, one correlation id.
    const story = page.getByTestId("order-story");
    for (const [service, type] of [["shop", "OrderConfirmed"], ["shipping", "ShipmentRequested"], ["shipping", "ShipmentDispatched"], ["shop", "OrderShipped"], ["shipping", "ShipmentDelivered"], ["shop", "OrderDelivered"]]) {
      await expect(story.getByTestId(`story-${service}-${type}`)).toBeVisible();
    }
    await expect(story.getByTestId("story-shop-OrderShipped")).toContainText("shipping: ShipmentDispatched");
    await screenshot(page, testInfo, "admin-order");

    await page.goto("/admin/services");
    await expect(page.getByTestId("transport-kind")).toHaveText(/in-process/);
    await expect(page.getByTestId("relay-shop")).toContainText("running");
    await expect(page.getByTestId("consumer-shipping")).toBeVisible();
    await expect(page.getByTestId("dead-letters")).toHaveText("No dead letters.");
    await screenshot(page, testInfo, "admin-services");

    await page.goto("/admin/products");
    await expect(page.getByText("A5 Notebook").first()).toBeVisible();
    await screenshot(page, testInfo, "admin-products");

    // The checkout request's correlation id, as the log recorded it on OrderPlaced.
    const history = await trpcQuery<{ events: AuditEvent[] }>(page.request, "admin.audit.list", { filter: { streamId: `order-${orderId}` }, limit: 50 });
    expect(history.status).toBe(200);
    const placed = history.data!.events.find((e) => e.type === "OrderPlaced");
    expect(placed, "OrderPlaced is in the order's stream").toBeTruthy();
    const correlationId = String(placed!.metadata.correlationId);

    await page.goto(`/admin/audit?correlationId=${encodeURIComponent(correlationId)}`);
    const table = page.getByTestId("audit-table");
    await expect(table).toBeVisible();
    const rows = table.getByTestId("audit-row");
    await expect(rows.filter({ hasText: "OrderPlaced" })).toHaveCount(1);
    await expect(rows.filter({ hasText: `order-${orderId}` }).first()).toBeVisible();
    for (const row of await rows.all()) await expect(row).toContainText(correlationId);
    await screenshot(page, testInfo, "admin-audit");

    await rows.filter({ hasText: "OrderPlaced" }).getByRole("link", { name: /Event/ }).click();
    await expect(page).toHaveURL(new RegExp(`/admin/audit/${placed!.eventId}$`));
    await expect(page.getByText("OrderPlaced").first()).toBeVisible();
    await expect(page.getByText(correlationId).first()).toBeVisible();
    await screenshot(page, testInfo, "admin-event");

    // The cart's first version held only the notebook; the stickers came with version 2.
    await page.goto(`/admin/time-travel?stream=cart-${userId}`);
    const slider = page.getByRole("slider", { name: "Version" });
    const version = page.getByTestId("time-travel-version");
    const state = page.getByTestId("time-travel-state");
    await expect(version).toHaveText(/^Version (\d+) of \1$/);
    await slider.fill("1");
    await expect(version).toHaveText(/^Version 1 of \d+$/);
    await expect(state).toContainText('"103"');
    await expect(state).not.toContainText('"105"');
    await expect(page).toHaveURL(/version=1/);
    await screenshot(page, testInfo, "admin-time-travel");
    await page.getByRole("button", { name: "Next version" }).click();
    await expect(version).toHaveText(/^Version 2 of \d+$/);
    await expect(state).toContainText('"105"');

    await page.goto("/admin/projections");
    await page.getByTestId("projection-orders").getByRole("button", { name: "Rebuild" }).click();
    await expect(page.getByTestId("rebuild-orders")).toContainText("100%", { timeout: 30_000 });
    await expect(page.getByTestId("rebuild-orders")).toContainText("Rebuilt");
    await screenshot(page, testInfo, "admin-projections");
  });
});
