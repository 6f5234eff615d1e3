import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { demoAccounts } from "@chronicle/api";
import { openWebHarness, type Caller, type WebHarness } from "../testing/web-harness.ts";

let h: WebHarness;
let alice: Caller;
let mallory: Caller;
let admin: Caller;

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `not a TRPCError: ${String(error)}`;
  }
}

beforeAll(async () => {
  h = await openWebHarness();
  alice = await h.caller(await h.signIn("alice@example.com", "alice-shops"));
  mallory = await h.caller(await h.signUp("Mallory", "mallory@example.com"));
  const account = demoAccounts.find((a) => a.role === "admin")!;
  admin = await h.caller(await h.signIn(account.email, account.password));
});
afterAll(() => h?.close());

describe("command ids belong to their sender and their command", () => {
  it("another customer's command id does not answer for theirs: both act", async () => {
    const mine = await alice.cart.add({ productId: "103", quantity: 1, commandId: "shared-click-0001" });
    const theirs = await mallory.cart.add({ productId: "103", quantity: 1, commandId: "shared-click-0001" });
    expect(mine.duplicate).toBe(false);
    expect(theirs.duplicate).toBe(false);
    expect((await mallory.cart.get({ after: theirs.checkpoint! })).items).toEqual([expect.objectContaining({ productId: "103", quantity: 1 })]);
  });

  it("the same id on another command type is another command", async () => {
    await alice.cart.add({ productId: "104", quantity: 1, commandId: "click-two-types" });
    const changed = await alice.cart.changeQuantity({ productId: "104", quantity: 3, commandId: "click-two-types" });
    expect(changed.duplicate).toBe(false);
    expect((await alice.cart.get({ after: changed.checkpoint! })).items.find((i) => i.productId === "104")?.quantity).toBe(3);
  });

  it("a client cannot take the id the server gives a cancellation, nor any id with the server's separator", async () => {
    await alice.cart.add({ productId: "102", quantity: 1 });
    const { orderId } = await alice.orders.checkout({ orderId: "alice-cancel-me" });
    // The ids the server made before they were scoped: a client could send them first and make the cancel a no-op.
    for (const commandId of [`cancel-${orderId}`, `checkout-${orderId}`]) {
      expect(await codeOf(mallory.cart.add({ productId: "101", quantity: 1, commandId }))).toBe("OK");
    }
    expect(await codeOf(mallory.cart.add({ productId: "101", quantity: 1, commandId: `server:cancel:${orderId}` }))).toBe("BAD_REQUEST");
    const cancelled = await alice.orders.cancel({ orderId });
    expect(cancelled.duplicate).toBe(false);
    expect((await alice.orders.get({ orderId, after: cancelled.checkpoint! })).order.status).toBe("cancelled");
  });

  it("the demo seed's command ids are not taken: an admin's command with one of them acts", async () => {
    const changed = await admin.admin.products.changePrice({ productId: "101", price: { amount: 1300, currency: "EUR" }, commandId: "demo-list-101" });
    expect(changed.duplicate).toBe(false);
    const { products } = await admin.admin.products.list({ after: changed.checkpoint! });
    expect(products.find((p) => p.productId === "101")?.price.amount).toBe(1300);
  });
});

describe("checkout reveals nothing about other customers' orders", () => {
  it("an order id that is another customer's places the caller's own order, with an id of its own", async () => {
    await mallory.cart.add({ productId: "105", quantity: 1 });
    const placed = await mallory.orders.checkout({ orderId: "1001" });
    expect(placed.duplicate).toBe(false);
    expect(placed.orderId).not.toBe("1001");
    const { order } = await mallory.orders.get({ orderId: placed.orderId, after: placed.checkpoint! });
    expect(order.lines.map((l) => l.productId)).toContain("105");
    // Alice's order 1001 is untouched, and still not Mallory's to see.
    expect(await codeOf(mallory.orders.get({ orderId: "1001" }))).toBe("NOT_FOUND");
    expect((await alice.orders.get({ orderId: "1001" })).order.lines).toEqual([expect.objectContaining({ productId: "101", quantity: 2 })]);
  });

  it("a retried checkout answers the same order; the same checkout id of another shopper is another order", async () => {
    await alice.cart.add({ productId: "105", quantity: 1 });
    const first = await alice.orders.checkout({ orderId: "retry-checkout-1" });
    const again = await alice.orders.checkout({ orderId: "retry-checkout-1" });
    expect(again).toMatchObject({ orderId: first.orderId, duplicate: true });
    await mallory.cart.add({ productId: "105", quantity: 1 });
    const theirs = await mallory.orders.checkout({ orderId: "retry-checkout-1" });
    expect(theirs.orderId).not.toBe(first.orderId);
    expect(theirs.duplicate).toBe(false);
  });
});
