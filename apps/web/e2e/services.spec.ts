import postgres from "postgres";
import { expect, test, type Page } from "@playwright/test";
import { natsServerBinary, startOwnNatsServer, type OwnNatsServer } from "@chronicle/messaging/testing/nats-server";
import { freePort, startApp, type AppProcess } from "./support/app-server";
import { demo } from "./support/accounts";
import { startPrivatePostgres, type PrivatePostgres } from "./support/private-postgres";
import { screenshot } from "./support/screenshots";

/**
 * The deployed shape of the platform, as `npm start` runs it with DATABASE_URL and NATS_URL set: the web app, the
 * worker and the shipping service as three processes, the shop's log and shipping's log in two databases, and the
 * integration events on a real NATS JetStream server (one of the test's own, with a Postgres server of its own). A
 * shopper's order crosses both services and the admin sees its whole story.
 */
const binary = natsServerBinary();

test.describe("two services over NATS JetStream, on Postgres", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let pg: PrivatePostgres | undefined;
  let nats: OwnNatsServer | undefined;
  let app: AppProcess | undefined;
  let orderId = "";

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    // Like the availability suite's own Postgres, this suite's own NATS server is a requirement, never a skip.
    if (!binary) throw new Error("nats-server was not found (PATH, the sbin folders or NATS_SERVER_BIN): install Debian's nats-server");
    pg = await startPrivatePostgres();
    nats = await startOwnNatsServer(binary);
    const admin = postgres(pg.url, { max: 1, onnotice: () => {} });
    try {
      await admin.unsafe("create database shop");
      await admin.unsafe("create database shipping");
    } finally {
      await admin.end();
    }
    const at = (database: string) => pg!.url.replace(/\/postgres$/, `/${database}`);
    app = await startApp("npm start", {
      DATABASE_URL: at("shop"),
      SHIPPING_DATABASE_URL: at("shipping"),
      NATS_URL: nats.url,
      SHIPPING_PORT: String(await freePort()),
      SHIP_DELAY_MS: "1000",
      DELIVERY_DELAY_MS: "2500",
      AUTH_ATTEMPTS_PER_MINUTE: "1000",
    });
  });

  test.afterAll(async () => {
    await app?.stop();
    await nats?.dispose();
    pg?.destroy();
  });

  test("a shopper's order goes confirmed → shipped (tracking number) → delivered without a reload", async ({ page }, testInfo) => {
    const origin = app!.origin;
    await page.goto(`${origin}/sign-up`);
    await page.getByLabel("Name").fill("Nadia Natsworth");
    await page.getByLabel("Email").fill(`nadia-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("nadia-shops-1");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByTestId("signed-in-as")).toContainText("Nadia Natsworth");

    const notebook = page.getByTestId("product-103");
    await notebook.getByRole("button", { name: "Add to cart" }).click();
    await expect(notebook.getByRole("status")).toHaveText("Added 1 to your cart");
    await page.getByRole("link", { name: "Cart", exact: true }).click();
    await expect(page.getByTestId("cart-line-103")).toContainText("A5 Notebook");

    await markDocument(page);
    await page.getByRole("button", { name: "Place order" }).click();
    await page.waitForURL(/\/orders\?placed=/);
    orderId = new URL(page.url()).searchParams.get("placed")!;
    const row = page.getByTestId(`order-${orderId}`);
    const badge = row.getByTestId("order-status");
    // Confirmed by the worker's fulfillment, then shipped once shipping's dispatch came back over JetStream.
    await expect(badge).toHaveText("shipped", { timeout: 30_000 });
    await expect(row.getByTestId("order-tracking")).toContainText(/Chronicle Express · tracking CX-[A-Z0-9]+-[0-9A-F]{8}/);
    await screenshot(page, testInfo, "nats-order-shipped");
    await expect(badge).toHaveText("delivered", { timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { e2eSameDocument?: boolean }).e2eSameDocument), "the page was not reloaded").toBe(true);
  });

  test("the admin sees the order's story across both services, and the JetStream streams and consumers", async ({ page }, testInfo) => {
    expect(orderId, "the shopper's test must have placed an order").not.toBe("");
    const origin = app!.origin;
    await page.goto(`${origin}/sign-in`);
    await page.getByLabel("Email").fill(demo.admin.email);
    await page.getByLabel("Password").fill(demo.admin.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/admin$/);

    await page.goto(`${origin}/admin/orders/${orderId}`);
    const story = page.getByTestId("order-story");
    for (const [service, type] of [["shop", "OrderConfirmed"], ["shipping", "ShipmentRequested"], ["shipping", "ShipmentDispatched"], ["shop", "OrderShipped"], ["shipping", "ShipmentDelivered"], ["shop", "OrderDelivered"]]) {
      await expect(story.getByTestId(`story-${service}-${type}`)).toBeVisible();
    }
    await expect(story.getByTestId("story-shop-OrderShipped")).toContainText("shipping: ShipmentDispatched");
    await screenshot(page, testInfo, "nats-admin-order");

    await page.goto(`${origin}/admin/services`);
    await expect(page.getByTestId("transport-kind")).toHaveText("NATS JetStream");
    await expect(page.getByTestId("relay-shop")).toContainText("running");
    await expect(page.getByTestId("relay-shipping")).toContainText("running");
    await expect(page.getByTestId("consumer-shipping")).toBeVisible();
    await expect(page.getByTestId("consumer-shop")).toBeVisible();
    await expect(page.getByTestId("dead-letters")).toHaveText("No dead letters.");
    await screenshot(page, testInfo, "nats-admin-services");
  });
});

/** A marker on window that a reload would wipe out. */
async function markDocument(page: Page): Promise<void> {
  await page.evaluate(() => void ((window as unknown as { e2eSameDocument: boolean }).e2eSameDocument = true));
}
