import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventStore, type EventStore } from "@chronicle/event-store";
import { openTestDatabase } from "@chronicle/event-store/testing";
import { executeShopCommand } from "../execute-command.ts";
import { seedDemo } from "../seed.ts";
import { exportDecisionSpec, exportSliceSpec, type SpecFile } from "./index.ts";
import { runSpecsInDomain } from "./run-specs.fixture.ts";

/**
 * The proof that exported specs are real tests: every event of the demo's history exported as a decision spec and
 * every shop stream as reducer specs, run by vitest in the domain package as it is (all pass), then again with a
 * decider changed on purpose (exactly the specs of what it decides fail).
 */
describe("specs exported from the demo history run green in the domain package, and can fail", () => {
  let store: EventStore;
  let close: () => Promise<void>;
  const specs: SpecFile[] = [];

  beforeAll(async () => {
    const opened = await openTestDatabase("pglite");
    close = opened.close;
    store = createEventStore(opened.database);
    await seedDemo(store);
    // What the fulfillment process sends in the running demo (its command ids), and what the shipping service's
    // messages become (their message ids), so those decisions are exported too.
    for (const [commandId, command] of [
      ["fulfillment:reserve:1001", { type: "ReserveStock", data: { orderId: "1001", lines: [{ productId: "101", quantity: 2 }] } }],
      ["fulfillment:confirm:1001", { type: "ConfirmOrder", data: { orderId: "1001" } }],
      ["0195f1a2-0000-7000-8000-000000000001", { type: "ShipOrder", data: { orderId: "1001", carrier: "Chronicle Express", trackingNumber: "CX-1001-7F3A" } }],
      ["0195f1a2-0000-7000-8000-000000000002", { type: "MarkOrderDelivered", data: { orderId: "1001" } }],
    ] as const) {
      await executeShopCommand(store, command, { now: "2024-03-01T09:11:00.000Z", commandId, actor: "system:fulfillment" });
    }
    for await (const event of store.readAll()) specs.push(await exportDecisionSpec(store, event.eventId));
    const streams = new Map<string, number>();
    for await (const event of store.readAll()) streams.set(event.streamId, event.streamVersion);
    for (const [streamId, length] of streams) {
      specs.push(await exportSliceSpec(store, streamId, 1, length));
      if (length > 1) specs.push(await exportSliceSpec(store, streamId, 2, length));
    }
  });
  afterAll(async () => close());

  it("every exported spec typechecks and passes against today's domain", async () => {
    const run = await runSpecsInDomain(specs);
    console.log(`[export-test] exported ${specs.length} specs from the demo history; vitest in the domain package: ` +
      `passed=${run.passed.length} failed=${run.failed.length}\n${run.passed.map((name) => `  ✓ ${name}`).join("\n")}`);
    expect(run).toEqual({ passed: specs.map((s) => s.fileName).sort(), failed: [], typeErrors: "" });
  }, 120_000);

  it("a spec fails once the decider it pins is changed on purpose", async () => {
    const run = await runSpecsInDomain(specs, {
      file: "/deciders/cart/cart-decide.ts",
      from: `return [{ type: "ProductAddedToCart", data }];`,
      to: `return [{ type: "ProductAddedToCart", data: { ...data, quantity: data.quantity + 1 } }];`,
    });
    console.log(`[export-test] with the cart decider adding one more: passed=${run.passed.length} failed=${run.failed.length} (${run.failed.join(", ")})`);
    expect(run.failed).toEqual(["cart-1-v1-ProductAddedToCart.test.ts", "cart-2-v1-ProductAddedToCart.test.ts"]);
    expect(run.passed).toHaveLength(specs.length - 2);
  }, 120_000);
});
