import { expect, test } from "@playwright/test";
import { apiAs, browserAs } from "./support/accounts";
import { trpcMutation } from "./support/trpc";

// The production bundle must map what the domain and the store throw to tRPC codes (packages/api/src/trpc/errors.ts)
// exactly as the unit tests see it: a refused command is the caller's problem (4xx, with the reason), never a 500.
test.describe("errors a user can cause", () => {
  test("a cart line over the domain's cap of 99 is refused with a 4xx and the domain's message", async () => {
    const alice = await apiAs(test.info(), "alice");
    try {
      const first = await trpcMutation(alice, "cart.add", { productId: "102", quantity: 60 });
      expect(first.status).toBe(200);
      const second = await trpcMutation(alice, "cart.add", { productId: "102", quantity: 60 });
      expect(second.status, JSON.stringify(second.error)).toBeGreaterThanOrEqual(400);
      expect(second.status, JSON.stringify(second.error)).toBeLessThan(500);
      expect(second.error?.message).not.toBe("internal error");
    } finally {
      await trpcMutation(alice, "cart.remove", { productId: "102" });
      await alice.dispose();
    }
  });

  test("input the schema refuses is a 400 with field errors", async () => {
    const alice = await apiAs(test.info(), "alice");
    try {
      const reply = await trpcMutation(alice, "cart.add", { productId: "", quantity: 0 });
      expect([reply.status, reply.error?.code]).toEqual([400, "BAD_REQUEST"]);
      expect(reply.error?.fieldErrors).toEqual({ productId: [expect.stringMatching(/id/)], quantity: [expect.stringMatching(/>=1|at least/)] });
      // The message is for a person: the fields and their reasons, not a JSON dump of zod's issues.
      expect(reply.error?.message).toMatch(/^productId: .+; quantity: .+$/);
      expect(reply.error?.message).not.toContain("[{");
    } finally {
      await alice.dispose();
    }
  });
});

test("a form shows the schema's reason at the field, and sends nothing", async ({ browser }) => {
  const context = await browserAs(browser, test.info(), "alice");
  const page = await context.newPage();
  try {
    await page.goto("/products/103");
    const quantity = page.getByLabel("Quantity");
    const add = page.getByRole("button", { name: /add to cart/i });
    // Typed before hydration, the value could be reset under the test's hands: wait for the form to be live.
    await expect(add).toBeEnabled();
    await quantity.fill("0");
    await expect(quantity).toHaveValue("0");
    await add.click();
    await expect(page.locator(".field-error")).toContainText(">=1");
    await expect(page.getByRole("status")).toHaveCount(0);
  } finally {
    await context.close();
  }
});

test.describe("pages about a thing that does not exist answer 404", () => {
  test("an unknown product", async ({ request }) => {
    const response = await request.get("/products/no-such-product");
    expect(response.status()).toBe(404);
    expect(await response.text()).toContain("Not found");
  });

  test("an unknown order and a malformed or unknown event, for an admin", async () => {
    const admin = await apiAs(test.info(), "admin");
    try {
      for (const path of ["/admin/orders/no-such-order", "/admin/audit/not-a-uuid", "/admin/audit/00000000-0000-4000-8000-000000000000"]) {
        const response = await admin.get(path);
        expect(response.status(), path).toBe(404);
      }
      expect((await admin.get("/admin/orders/1001")).status()).toBe(200);
    } finally {
      await admin.dispose();
    }
  });
});
