import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts } from "@chronicle/api";
import { appRouter } from "@chronicle/api";
import { commandEventId } from "@chronicle/event-store";
import { openWebHarness, type WebHarness, type Caller } from "../testing/web-harness.ts";

const ROLES = ["anonymous", "customerA", "customerB", "admin"] as const;
type Who = (typeof ROLES)[number];
/** "OK" or the tRPC error code the caller must get. */
type Outcome = "OK" | "UNAUTHORIZED" | "FORBIDDEN" | "NOT_FOUND" | "BAD_REQUEST" | "CONFLICT";

interface Row {
  input: (who: Who) => unknown;
  expect: Record<Who, Outcome>;
}

const none = () => undefined;
/** OrderPlaced of the demo's order 1001: the seed's command ids are fixed, and so are its events' ids. */
const ORDER_PLACED = commandEventId("story-3", "order-1001", 0);
const publicOk: Row["expect"] = { anonymous: "OK", customerA: "OK", customerB: "OK", admin: "OK" };
const customersOnly: Row["expect"] = { anonymous: "UNAUTHORIZED", customerA: "OK", customerB: "OK", admin: "FORBIDDEN" };
const adminsOnly: Row["expect"] = { anonymous: "UNAUTHORIZED", customerA: "FORBIDDEN", customerB: "FORBIDDEN", admin: "OK" };
/** A's own order: B gets NOT_FOUND, exactly as for an order that does not exist. */
/** The orders customer A places before the matrix runs (checkout derives their ids). */
const ordersOfA = { read: "", cancel: "" };
const ownerOnly: Row["expect"] = { anonymous: "UNAUTHORIZED", customerA: "OK", customerB: "NOT_FOUND", admin: "FORBIDDEN" };

/**
 * Every procedure of the router, and what each kind of caller gets. Default deny: a procedure added to the router
 * without a row here fails this test, so nobody ships an endpoint whose access nobody decided.
 */
const matrix: Record<string, Row> = {
  "session.me": { input: none, expect: publicOk },
  "catalog.list": { input: none, expect: publicOk },
  "catalog.product": { input: () => ({ productId: "101" }), expect: publicOk },
  "cart.get": { input: none, expect: customersOnly },
  "cart.add": { input: () => ({ productId: "105", quantity: 1 }), expect: customersOnly },
  "cart.changeQuantity": { input: () => ({ productId: "105", quantity: 2 }), expect: customersOnly },
  "cart.remove": { input: () => ({ productId: "105" }), expect: customersOnly },
  "orders.checkout": {
    input: (who) => ({ orderId: `matrix-${who}` }),
    // B's cart is empty at this point (B has added nothing yet): the domain refuses to order it.
    expect: { anonymous: "UNAUTHORIZED", customerA: "OK", customerB: "CONFLICT", admin: "FORBIDDEN" },
  },
  "orders.mine": { input: none, expect: customersOnly },
  "orders.get": { input: () => ({ orderId: ordersOfA.read }), expect: ownerOnly },
  // A's order has shipped by then (beforeAll waits): A passes authorization and meets the domain's rule that a
  // shipped order cannot be cancelled; B gets NOT_FOUND before any rule is looked at.
  "orders.cancel": { input: () => ({ orderId: ordersOfA.cancel }), expect: { ...ownerOnly, customerA: "CONFLICT" } },
  "admin.dashboard.summary": { input: none, expect: adminsOnly },
  "admin.customers.list": { input: none, expect: adminsOnly },
  "admin.customers.get": { input: () => ({ userId: "1" }), expect: adminsOnly },
  "admin.customers.export": { input: () => ({ userId: "1" }), expect: adminsOnly },
  // Really forgets Bob (user 2, whom no other row needs) when the admin's turn comes; the others are refused first.
  "admin.customers.forget": { input: () => ({ userId: "2" }), expect: adminsOnly },
  // Access only: a customer's call is refused by its input (confirm must be true), after authorization passed;
  // deleting an account for real is the accounts test's.
  "account.deleteMine": { input: () => ({ confirm: false }), expect: { ...customersOnly, customerA: "BAD_REQUEST", customerB: "BAD_REQUEST" } },
  "admin.orders.list": { input: () => ({}), expect: adminsOnly },
  "admin.orders.get": { input: () => ({ orderId: "1001" }), expect: adminsOnly },
  "admin.orders.story": { input: () => ({ orderId: "1001" }), expect: adminsOnly },
  "admin.services.status": { input: none, expect: adminsOnly },
  "admin.services.retryDeadLetter": { input: () => ({ id: "matrix-none" }), expect: { ...adminsOnly, admin: "NOT_FOUND" } },
  "admin.products.list": { input: none, expect: adminsOnly },
  "admin.products.create": {
    input: () => ({ productId: "matrix-p", sku: "MATRIX-1", name: "Matrix", description: "", price: { amount: 100, currency: "EUR" } }),
    expect: adminsOnly,
  },
  "admin.products.changePrice": { input: () => ({ productId: "104", price: { amount: 1600, currency: "EUR" } }), expect: adminsOnly },
  "admin.products.receiveStock": { input: () => ({ productId: "104", quantity: 1 }), expect: adminsOnly },
  "admin.products.delist": { input: () => ({ productId: "matrix-p" }), expect: adminsOnly },
  "admin.audit.eventTypes": { input: none, expect: adminsOnly },
  "admin.audit.list": { input: () => ({}), expect: adminsOnly },
  "admin.audit.event": { input: () => ({ eventId: "00000000-0000-4000-8000-000000000000" }), expect: { ...adminsOnly, admin: "NOT_FOUND" } },
  "admin.timeTravel.stream": { input: () => ({ streamId: "cart-1", version: 1 }), expect: adminsOnly },
  "admin.timeTravel.compare": { input: () => ({ streamId: "cart-1", from: 1, to: 2 }), expect: adminsOnly },
  "admin.explain.command": { input: () => ({ eventId: ORDER_PLACED }), expect: adminsOnly },
  "admin.explain.replay": { input: () => ({ eventId: ORDER_PLACED }), expect: adminsOnly },
  "admin.explain.exportDecision": { input: () => ({ eventId: ORDER_PLACED }), expect: adminsOnly },
  "admin.explain.exportSlice": { input: () => ({ streamId: "cart-1", from: 1, to: 2 }), expect: adminsOnly },
  // A subscription: the caller gets its stream once authorized (it is not read here).
  "admin.overview.replay": { input: none, expect: adminsOnly },
  "admin.ops.readHold": { input: none, expect: adminsOnly },
  "admin.ops.parked": { input: none, expect: adminsOnly },
  // Passes authorization, then there is no such parked command.
  "admin.ops.retryParked": { input: () => ({ commandId: "matrix-none" }), expect: { ...adminsOnly, admin: "NOT_FOUND" } },
  "admin.projections.status": { input: none, expect: adminsOnly },
  "admin.projections.rebuild": { input: () => ({ name: "carts" }), expect: adminsOnly },
  // Passes authorization, then the projection is not halted: the admin's answer is the store's BAD_REQUEST.
  "admin.projections.retry": { input: () => ({ name: "carts" }), expect: { ...adminsOnly, admin: "BAD_REQUEST" } },
  "admin.projections.skip": { input: () => ({ name: "carts" }), expect: { ...adminsOnly, admin: "BAD_REQUEST" } },
  "admin.projections.provenance": { input: () => ({ projection: "orders", key: "1001" }), expect: adminsOnly },
};

let h: WebHarness;
const callers = {} as Record<Who, Caller>;

async function outcomeOf(caller: Caller, path: string, input: unknown): Promise<string> {
  const procedure = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller) as (input: unknown) => Promise<unknown>;
  try {
    await procedure(input);
    return "OK";
  } catch (error) {
    return error instanceof TRPCError ? error.code : `unexpected ${String(error)}`;
  }
}

beforeAll(async () => {
  h = await openWebHarness();
  const admin = demoAccounts.find((a) => a.role === "admin")!;
  callers.anonymous = await h.caller();
  callers.customerA = await h.caller(await h.signUp("Matrix A", "matrix-a@example.com"));
  callers.customerB = await h.caller(await h.signUp("Matrix B", "matrix-b@example.com"));
  callers.admin = await h.caller(await h.signIn(admin.email, admin.password));
  // A owns two orders: one to read, one to cancel.
  let checkpoint = "";
  for (const purpose of ["read", "cancel"] as const) {
    await callers.customerA.cart.add({ productId: "103", quantity: 1 });
    const placed = await callers.customerA.orders.checkout({ orderId: `matrix-a-${purpose}` });
    ordersOfA[purpose] = placed.orderId;
    checkpoint = placed.checkpoint!;
  }
  await callers.customerA.cart.add({ productId: "103", quantity: 1 });
  const placed = await callers.customerA.orders.mine({ after: checkpoint });
  expect(placed.orders).toHaveLength(2);
  for (let i = 0; i < 400; i++) {
    const { orders } = await callers.customerA.orders.mine();
    if (orders.every((o) => o.status === "shipped" || o.status === "delivered")) break;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
});
afterAll(() => h?.close());

describe("authorization matrix: every procedure x {anonymous, customer A, customer B, admin}", () => {
  it("covers every procedure of the router, and nothing else", () => {
    const procedures = Object.keys(appRouter._def.procedures).sort();
    expect(Object.keys(matrix).sort()).toEqual(procedures);
  });

  it("answers each caller as the matrix says", async () => {
    const mismatches: string[] = [];
    let cells = 0;
    for (const [path, row] of Object.entries(matrix)) {
      for (const who of ROLES) {
        // cart.remove for B would find nothing to remove; B adds first so every customer row tests access only.
        if (who === "customerB" && path === "cart.remove") await callers.customerB.cart.add({ productId: "105", quantity: 1 });
        const got = await outcomeOf(callers[who], path, row.input(who));
        cells++;
        if (got !== row.expect[who]) mismatches.push(`${path} as ${who}: expected ${row.expect[who]}, got ${got}`);
      }
    }
    console.log(`authorization matrix: ${Object.keys(matrix).length} procedures x ${ROLES.length} callers = ${cells} cells, ${mismatches.length} mismatches`);
    expect(mismatches).toEqual([]);
  });

  it("never lets an anonymous caller or a customer change what only admins may", async () => {
    const before = await callers.admin.admin.products.list();
    for (const who of ["anonymous", "customerA"] as const) {
      await outcomeOf(callers[who], "admin.products.changePrice", { productId: "101", price: { amount: 1, currency: "EUR" } });
    }
    const after = await callers.admin.admin.products.list();
    expect(after.products.find((p) => p.productId === "101")?.price).toEqual(before.products.find((p) => p.productId === "101")?.price);
  });
});
