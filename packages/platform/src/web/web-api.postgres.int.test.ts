import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestDatabase, describeOnPostgres, waitFor } from "@chronicle/event-store/testing";
import { openWebHarness, type WebHarness } from "../testing/web-harness.ts";

describeOnPostgres("the API on real Postgres (the same runtime as DATABASE_URL=… npm start)", (serverUrl) => {
  let h: WebHarness;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase(serverUrl);
    drop = database.drop;
    // WORKER=inline: this process runs the projections too (in production a worker process does).
    h = await openWebHarness({ DATABASE_URL: database.url, WORKER: "inline" });
  });
  afterAll(async () => {
    await h?.close();
    await drop?.();
  });

  it("seeds the demo once, signs a shopper up, and follows an order to delivered (shipping on its own PGlite)", async () => {
    expect(h.runtime.platform.database.driver).toBe("postgres");
    const shopper = await h.caller(await h.signUp("Erin", "erin@example.com"));
    const added = await shopper.cart.add({ productId: "102", quantity: 3 });
    expect((await shopper.cart.get({ after: added.checkpoint! })).items).toEqual([expect.objectContaining({ productId: "102", quantity: 3 })]);
    const { orderId, checkpoint } = await shopper.orders.checkout({ orderId: "pg-order-1" });
    expect((await shopper.orders.get({ orderId, after: checkpoint! })).fresh).toBe(true);
    await waitFor(async () => (await shopper.orders.get({ orderId })).order.status === "delivered", 30_000);
    const alice = await h.caller(await h.signIn("alice@example.com", "alice-shops"));
    const mine = await alice.orders.mine();
    expect(mine.orders.map((o) => o.orderId)).toContain("1001");
  });
});
