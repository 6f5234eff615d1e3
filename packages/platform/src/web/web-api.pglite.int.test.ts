import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { CLIENT_ADDRESS_HEADER, demoAccounts, fieldErrorsOf, readableIssues } from "@chronicle/api";
import { formatCheckpoint, query } from "@chronicle/event-store";
import { waitFor } from "@chronicle/event-store/testing";
import { sql } from "drizzle-orm";
import { codeOf, openWebHarness, type WebHarness, type Caller } from "../testing/web-harness.ts";

let h: WebHarness;
let shopper: Caller;
let admin: Caller;
let placedOrder = "";

beforeAll(async () => {
  h = await openWebHarness();
  shopper = await h.caller(await h.signUp("Carol", "carol@example.com"));
  const adminAccount = demoAccounts.find((a) => a.role === "admin")!;
  admin = await h.caller(await h.signIn(adminAccount.email, adminAccount.password));
});
afterAll(() => h?.close());

describe("the API over PGlite, through createCaller", () => {
  it("shows the demo catalog to anyone, with prices and stock", async () => {
    const anonymous = await h.caller();
    const catalog = await anonymous.catalog.list();
    expect(catalog.map((p) => p.productId)).toEqual(expect.arrayContaining(["101", "102"]));
    expect(catalog.find((p) => p.productId === "101")).toMatchObject({ name: "Classic Mug", price: { amount: 1200, currency: "EUR" } });
    expect(await codeOf(anonymous.catalog.product({ productId: "999" }))).toBe("NOT_FOUND");
  });

  it("signs a new shopper up as a user of the domain (RegisterUser in the log)", async () => {
    const me = await shopper.session.me();
    expect(me).toMatchObject({ name: "Carol", role: "customer" });
    const events = await h.runtime.platform.store.readStream(`user-${me!.id}`);
    expect(events.map((e) => e.type)).toEqual(["UserRegistered"]);
  });

  it("adds to the cart and reads its own write through the checkpoint", async () => {
    const receipt = await shopper.cart.add({ productId: "101", quantity: 2 });
    expect(receipt.checkpoint).toMatch(/^\d+\/\d+$/);
    const cart = await shopper.cart.get({ after: receipt.checkpoint! });
    expect(cart.fresh).toBe(true);
    expect(cart.items).toEqual([expect.objectContaining({ productId: "101", quantity: 2 })]);
  });

  it("a repeated command id acts once", async () => {
    const first = await shopper.cart.add({ productId: "103", quantity: 1, commandId: "click-0001-abcd" });
    const again = await shopper.cart.add({ productId: "103", quantity: 1, commandId: "click-0001-abcd" });
    expect(again).toEqual({ ...first, duplicate: true });
    const cart = await shopper.cart.get({ after: again.checkpoint! });
    expect(cart.items.find((i) => i.productId === "103")?.quantity).toBe(1);
  });

  it("checks out; fulfillment confirms, the shipping service ships and delivers it, and the shopper sees each step", async () => {
    const placed = await shopper.orders.checkout({ orderId: "c-order-1" });
    placedOrder = placed.orderId;
    const { order } = await shopper.orders.get({ orderId: placedOrder, after: placed.checkpoint! });
    // The in-process services may be ahead of this read already (50 ms delays here); the history below proves the sequence.
    expect(["pending", "confirmed", "shipped", "delivered"]).toContain(order.status);
    const seen = new Set<string>([order.status]);
    let latest = order;
    for (let i = 0; i < 400 && latest.status !== "delivered"; i++) {
      await new Promise((r) => setTimeout(r, 25));
      latest = (await shopper.orders.get({ orderId: placedOrder })).order;
      seen.add(latest.status);
    }
    expect(latest).toMatchObject({ status: "delivered", carrier: "Chronicle Express", trackingNumber: expect.stringMatching(/^CX-/) });
    const { history } = await admin.admin.orders.get({ orderId: placedOrder });
    expect(history.map((e) => e.type)).toEqual(["OrderPlaced", "OrderConfirmed", "OrderShipped", "OrderDelivered"]);
    // Causation crosses the services: the shop's OrderShipped was caused by shipping's ShipmentDispatched, and the
    // whole story keeps the checkout's correlation id.
    const story = await admin.admin.orders.story({ orderId: placedOrder });
    expect(story.shippingError).toBeNull();
    const byType = new Map(story.events.map((e) => [`${e.service}:${e.type}`, e]));
    for (const step of ["shop:OrderPlaced", "shop:OrderConfirmed", "shipping:ShipmentRequested", "shipping:ShipmentPacked", "shipping:ShipmentDispatched", "shop:OrderShipped", "shipping:ShipmentDelivered", "shop:OrderDelivered"]) {
      expect(byType.has(step), step).toBe(true);
    }
    const correlation = byType.get("shop:OrderPlaced")!.correlationId;
    expect(new Set([...byType.values()].filter((e) => e.streamId.startsWith("order-") || e.service === "shipping").map((e) => e.correlationId))).toEqual(new Set([correlation]));
    expect(byType.get("shipping:ShipmentRequested")!.causationId).toBe(byType.get("shop:OrderConfirmed")!.eventId);
    expect(byType.get("shop:OrderShipped")!.causationId).toBe(byType.get("shipping:ShipmentDispatched")!.eventId);
    expect(byType.get("shop:OrderDelivered")!.causationId).toBe(byType.get("shipping:ShipmentDelivered")!.eventId);
  });

  it("the admin's services page: both relays caught up, the in-process streams and consumers, no dead letters", async () => {
    const status = await admin.admin.services.status();
    expect(status.transport).toBe("in-process");
    expect(status.relays.shop.state).not.toBe("failed");
    expect(status.relays.shipping).toMatchObject({ ok: true });
    expect(status.streams.map((s) => s.name)).toEqual(expect.arrayContaining(["SHOP", "SHIPPING"]));
    expect(status.consumers.map((c) => c.name)).toEqual(expect.arrayContaining(["shipping", "shop"]));
    expect(status.deadLetters).toEqual([]);
    expect(await codeOf(admin.admin.services.retryDeadLetter({ id: "nope" }))).toBe("NOT_FOUND");
  });

  it("maps domain errors to tRPC codes and zod issues to form fields", async () => {
    expect(await codeOf(shopper.cart.add({ productId: "nope", quantity: 1 }))).toBe("NOT_FOUND");
    const invalid = await shopper.cart.add({ productId: "", quantity: 0 }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(TRPCError);
    expect((invalid as TRPCError).code).toBe("BAD_REQUEST");
    // What a form gets per field, and what a person reads in the message.
    expect(fieldErrorsOf((invalid as TRPCError).cause)).toEqual({ productId: [expect.stringContaining("id")], quantity: [expect.stringContaining(">=1")] });
    expect(readableIssues((invalid as TRPCError).cause)).toMatch(/^productId: .+; quantity: .+>=1/);
    // The cart was checked out: an empty cart cannot be ordered (a domain rule, ILLEGAL_STATE -> CONFLICT).
    expect(await codeOf(shopper.orders.checkout({ orderId: "c-order-2" }))).toBe("CONFLICT");
    // A retry of the same checkout is not an error: it answers what the first one did.
    expect(await shopper.orders.checkout({ orderId: "c-order-1" })).toMatchObject({ orderId: placedOrder, duplicate: true });
  });

  it("gives another customer's order as NOT_FOUND", async () => {
    const other = await h.caller(await h.signUp("Dave", "dave@example.com"));
    expect(await codeOf(other.orders.get({ orderId: placedOrder }))).toBe("NOT_FOUND");
    expect(await codeOf(other.orders.get({ orderId: "1001" }))).toBe("NOT_FOUND");
    expect(await codeOf(other.orders.cancel({ orderId: placedOrder }))).toBe("NOT_FOUND");
  });

  it("lets the admin change a price and receive stock, recorded with the admin as actor", async () => {
    const changed = await admin.admin.products.changePrice({ productId: "102", price: { amount: 2700, currency: "EUR" } });
    const stocked = await admin.admin.products.receiveStock({ productId: "102", quantity: 5 });
    const { products } = await admin.admin.products.list({ after: stocked.checkpoint! });
    expect(products.find((p) => p.productId === "102")).toMatchObject({ price: { amount: 2700 }, availableStock: 35 });
    const page = await admin.admin.audit.list({ filter: { streamId: "product-102" }, limit: 2, after: stocked.checkpoint! });
    expect(page.events.map((e) => e.type)).toEqual(["StockReceived", "ProductPriceChanged"]);
    expect(page.events[1]!.metadata.actor).toMatch(/^admin:/);
    expect(changed.checkpoint).not.toBeNull();
  });

  it("filters the audit log by correlation id and pages by keyset", async () => {
    const correlated = await h.caller(new Headers({ cookie: (await h.signIn("alice@example.com", "alice-shops")).get("cookie")!, "x-correlation-id": "corr-test-1" }));
    const added = await correlated.cart.add({ productId: "104", quantity: 1 });
    const byCorrelation = await admin.admin.audit.list({ filter: { correlationId: "corr-test-1" }, after: added.checkpoint! });
    expect(byCorrelation.events.map((e) => e.type)).toEqual(["ProductAddedToCart"]);
    const first = await admin.admin.audit.list({ limit: 5 });
    const second = await admin.admin.audit.list({ limit: 5, cursor: first.next! });
    expect(first.events).toHaveLength(5);
    const positions = [...first.events, ...second.events].map((e) => e.position);
    expect(new Set(positions).size).toBe(positions.length);
    expect(second.events[0]!.position).toBeLessThan(first.events[4]!.position);
  });

  it("opens an event with its causes and effects", async () => {
    const placed = (await admin.admin.audit.list({ filter: { types: ["OrderPlaced"], streamId: `order-${placedOrder}` } })).events[0]!;
    const view = await admin.admin.audit.event({ eventId: placed.eventId });
    expect(view.caused.map((e) => e.type)).toEqual(expect.arrayContaining(["StockReserved"]));
    expect(view.upcast.current).toBeNull();
  });

  it("shows a user registered at schema version 1 upcast to today's shape, and the cart at every version", async () => {
    // An event as an older release wrote it (v1: userName, no email), appended as it was stored then.
    const stored = await h.runtime.platform.store.append("user-legacy-1", [{ type: "UserRegistered", schemaVersion: 1, data: { userId: "legacy-1", userName: "Lena Legacy" } }]);
    const [registered] = (await admin.admin.audit.list({ filter: { streamId: "user-legacy-1" }, after: formatCheckpoint(stored.checkpoint) })).events;
    expect(registered).toMatchObject({ type: "UserRegistered", schemaVersion: 1, data: { userId: "legacy-1", userName: "Lena Legacy" } });
    const view = await admin.admin.audit.event({ eventId: registered!.eventId });
    expect(view.upcast.current).toEqual({ schemaVersion: 2, data: { userId: "legacy-1", name: "Lena Legacy", email: { kind: "unknown" } } });
    const user = await admin.admin.timeTravel.stream({ streamId: "user-legacy-1", version: 1 });
    expect(user.state).toMatchObject({ name: "Lena Legacy", email: { kind: "unknown" } });

    const cartNow = await admin.admin.timeTravel.stream({ streamId: "cart-1" });
    const cartThen = await admin.admin.timeTravel.stream({ streamId: "cart-1", version: 1 });
    expect(cartThen.version).toBe(1);
    expect(cartThen.state).toMatchObject({ items: [{ productId: "101", quantity: 2 }] });
    expect(cartNow.length).toBeGreaterThanOrEqual(2);
    expect(await codeOf(admin.admin.timeTravel.stream({ streamId: "cart-nobody" }))).toBe("NOT_FOUND");
  });

  it("reports projection status, explains a row and rebuilds a projection to the same rows", async () => {
    const statuses = await admin.admin.projections.status();
    expect(statuses.map((s) => s.name)).toEqual(expect.arrayContaining(["catalog", "carts", "orders", "fulfillment"]));
    const why = await admin.admin.projections.provenance({ projection: "orders", key: "1001" });
    expect(why.lastEvent?.streamId).toBe("order-1001");
    expect(why.events[0]!.type).toBe("OrderPlaced");
    const before = await admin.admin.projections.provenance({ projection: "orders", key: placedOrder });
    // A rebuild fills a new table and swaps it in: the live table's identity changes once it has run.
    const tableId = async () => (await query<{ oid: number }>(h.runtime.platform.database.db, sql`select 'rm_orders'::regclass::oid as oid`))[0]!.oid;
    const liveBefore = await tableId();
    await admin.admin.projections.rebuild({ name: "orders" });
    await waitFor(async () => {
      const orders = (await admin.admin.projections.status()).find((s) => s.name === "orders")!;
      return orders.rebuild === null && !orders.rebuildRequestedAt && (await tableId()) !== liveBefore;
    }, 60_000);
    const after = await admin.admin.projections.provenance({ projection: "orders", key: placedOrder });
    expect(after.row).toEqual(before.row);
    expect(await codeOf(admin.admin.projections.rebuild({ name: "nope" }))).toBe("NOT_FOUND");
  });

  it("rate-limits sign-in attempts per client address (better-auth, 10 a minute by default)", async () => {
    const attempt = () =>
      h.runtime.auth.handler(new Request("http://localhost:3000/api/auth/sign-in/email", {
        method: "POST",
        headers: { "content-type": "application/json", origin: "http://localhost:3000", [CLIENT_ADDRESS_HEADER]: "203.0.113.9" },
        body: JSON.stringify({ email: "alice@example.com", password: "wrong-password" }),
      }));
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await attempt()).status);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });
});
