import { expect, test } from "@playwright/test";
import { apiAs } from "./support/accounts";
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
      const reply = await trpcMutation(alice, "cart.add", { productId: "102", quantity: 0 });
      expect([reply.status, reply.error?.code]).toEqual([400, "BAD_REQUEST"]);
    } finally {
      await alice.dispose();
    }
  });
});
