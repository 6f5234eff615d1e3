import { afterEach, beforeEach, expect, it } from "vitest";
import { sql } from "drizzle-orm";
import { createEventStore, query, startProjectionRunner, type EventStore, type ProjectionRunner, type StoredEvent } from "@chronicle/event-store";
import { openTestDatabase, waitFor, type TestDriver } from "@chronicle/event-store/testing";
import { createShippingCaller } from "./api/router.ts";
import { shippingMigrationSets } from "./migrations.ts";
import { shipmentsProjection } from "./read-model/shipments-projection.ts";
import { createShippingCommands, type ShippingCommands } from "./shipping-commands.ts";
import { startWarehouse, trackingNumberFor, type Warehouse } from "./warehouse.ts";

const request = (orderId: string) => ({ type: "RequestShipment", data: { shipmentId: orderId, orderId, lines: [{ productId: "101", quantity: 2 }] } });
const meta = (commandId: string, extra: Record<string, string> = {}) => ({ now: new Date().toISOString(), commandId, ...extra });

/** Shipping on its own database: commands through the shared command handler, its read model, warehouse and API. */
export function shippingContract(driver: TestDriver): void {
  let close: () => Promise<void>;
  let store: EventStore;
  let commands: ShippingCommands;
  let runner: ProjectionRunner;
  let warehouse: Warehouse | undefined;

  beforeEach(async () => {
    const opened = await openTestDatabase(driver, { migrations: [...shippingMigrationSets] });
    close = opened.close;
    store = createEventStore(opened.database);
    commands = createShippingCommands(store);
    runner = startProjectionRunner(store, [shipmentsProjection], { pollIntervalMs: 20 });
  });

  afterEach(async () => {
    await warehouse?.stop();
    warehouse = undefined;
    await runner.stop();
    await commands.idle();
    await close();
  });

  const api = () => createShippingCaller({ store, db: store.database.db });

  it("a request carried by a message id is appended once, however often it is redelivered", async () => {
    const first = await commands.execute(request("1001"), meta("msg-1", { correlationId: "corr-1", causationId: "evt-1" }));
    const again = await commands.execute(request("1001"), meta("msg-1", { correlationId: "corr-1", causationId: "evt-1" }));
    expect(first.duplicate).toBe(false);
    expect(again.duplicate).toBe(true);
    const events = await store.readStream("shipment-1001");
    expect(events.map((e) => e.type)).toEqual(["ShipmentRequested"]);
    expect(events[0]?.metadata).toMatchObject({ correlationId: "corr-1", causationId: "evt-1", commandId: "msg-1" });
  });

  it("the warehouse packs, dispatches after the delay with a tracking number, then delivers; the API tells the story", async () => {
    await commands.execute(request("1001"), meta("msg-1", { correlationId: "corr-1" }));
    warehouse = startWarehouse(store, commands, { dispatchDelayMs: 50, deliveryDelayMs: 50, pollIntervalMs: 20 });
    await waitFor(async () => (await api().byOrder({ orderId: "1001" }))[0]?.status === "delivered");
    const [shipment] = await api().byOrder({ orderId: "1001" });
    expect(shipment).toMatchObject({ shipmentId: "1001", orderId: "1001", status: "delivered", carrier: "Chronicle Express", correlationId: "corr-1" });
    expect(shipment?.trackingNumber).toMatch(/^CX-1001-[0-9A-F]{8}$/);
    const timeline = await api().timeline({ shipmentId: "1001" });
    expect(timeline.map((entry) => entry.type)).toEqual(["ShipmentRequested", "ShipmentPacked", "ShipmentDispatched", "ShipmentDelivered"]);
    // The whole story keeps the shop's correlation id.
    expect(new Set(timeline.map((entry) => entry.correlationId))).toEqual(new Set(["corr-1"]));
    expect(timeline.slice(1).map((entry) => entry.actor)).toEqual(["system:warehouse", "system:warehouse", "system:warehouse"]);
    expect(await api().orderTimeline({ orderId: "1001" })).toEqual(timeline);
    const dispatched = timeline[2];
    expect(Date.parse(dispatched?.recordedAt ?? "") - Date.parse(timeline[0]?.recordedAt ?? "")).toBeGreaterThanOrEqual(40);
  });

  it("a shipment cancelled before it leaves is never dispatched; after it has left the cancellation is refused", async () => {
    await commands.execute(request("2001"), meta("r-2001"));
    await commands.execute({ type: "CancelShipment", data: { shipmentId: "2001", orderId: "2001", reason: "order cancelled" } }, meta("c-2001"));
    await commands.execute(request("2002"), meta("r-2002"));
    warehouse = startWarehouse(store, commands, { dispatchDelayMs: 0, deliveryDelayMs: 60_000, pollIntervalMs: 20 });
    await waitFor(async () => (await api().byOrder({ orderId: "2002" }))[0]?.status === "dispatched");
    await expect(
      commands.execute({ type: "CancelShipment", data: { shipmentId: "2002", orderId: "2002", reason: "too late" } }, meta("c-2002")),
    ).rejects.toMatchObject({ code: "ILLEGAL_STATE" });
    expect((await store.readStream("shipment-2001")).map((e) => e.type)).toEqual(["ShipmentRequested", "ShipmentCancelled"]);
    expect((await api().byOrder({ orderId: "2001" }))[0]).toMatchObject({ status: "cancelled", reason: "order cancelled", trackingNumber: null });
  });

  it("the shipments projection writes a batch as applying its events one at a time would", async () => {
    const step = (type: string, shipmentId: string, extra: Record<string, string> = {}) =>
      commands.execute({ type, data: { shipmentId, ...extra } }, meta(`${type}-${shipmentId}`));
    // Interleaved stories: delivered, failed, cancelled after its request, cancelled before any request.
    for (const id of ["b1", "b2", "b3"]) await commands.execute(request(id), meta(`r-${id}`, { correlationId: `corr-${id}` }));
    await step("PackShipment", "b1");
    await step("PackShipment", "b2");
    await commands.execute({ type: "CancelShipment", data: { shipmentId: "b3", orderId: "b3", reason: "order cancelled" } }, meta("c-b3"));
    await commands.execute({ type: "CancelShipment", data: { shipmentId: "b4", orderId: "b4", reason: "cancelled first" } }, meta("c-b4"));
    await step("DispatchShipment", "b1", { carrier: "Chronicle Express", trackingNumber: trackingNumberFor("b1") });
    await step("FailShipment", "b2", { reason: "parcel damaged" });
    await step("DeliverShipment", "b1");
    const events: StoredEvent[] = [];
    for await (const event of store.readAll()) if (event.streamType === "shipment") events.push(event);
    expect(events).toHaveLength(10);
    const db = store.database.db;
    for (const name of ["shipments_batch", "shipments_single"]) await db.execute(sql.raw(`create table ${name} (like shipments including all)`));
    await store.transaction((tx) => shipmentsProjection.apply(events, { executor: tx.executor, table: () => "shipments_batch" }));
    for (const event of events) await store.transaction((tx) => shipmentsProjection.apply([event], { executor: tx.executor, table: () => "shipments_single" }));
    const rows = (table: string) => query<Record<string, unknown>>(db, sql`select * from ${sql.identifier(table)} order by shipment_id`);
    const batch = await rows("shipments_batch");
    expect(batch).toEqual(await rows("shipments_single"));
    expect(batch.map((r) => [r.shipment_id, r.status])).toEqual([["b1", "delivered"], ["b2", "failed"], ["b3", "cancelled"], ["b4", "cancelled"]]);
    expect(batch[0]).toMatchObject({ carrier: "Chronicle Express", correlation_id: "corr-b1" });
    expect(batch[1]).toMatchObject({ reason: "parcel damaged" });
    expect(batch[3]).toMatchObject({ reason: "cancelled first", lines: [] });
  });

  it("lists for the admin newest first, by status, page by page; bad input and unknown ids are typed errors", async () => {
    for (const id of ["3001", "3002", "3003"]) await commands.execute(request(id), meta(`r-${id}`));
    await commands.execute({ type: "CancelShipment", data: { shipmentId: "3002", orderId: "3002", reason: "order cancelled" } }, meta("c-3002"));
    await waitFor(async () => (await api().list({})).shipments.length === 3 && (await api().list({ status: "cancelled" })).shipments.length === 1);
    const first = await api().list({ limit: 2 });
    expect(first.shipments).toHaveLength(2);
    const second = await api().list({ limit: 2, before: first.next ?? undefined });
    expect([...first.shipments, ...second.shipments].map((s) => s.shipmentId).sort()).toEqual(["3001", "3002", "3003"]);
    expect(second.next).toBeNull();
    await expect(api().shipment({ shipmentId: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(api().byOrder({ orderId: "bad id!" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(commands.execute({ type: "PackShipment", data: { shipmentId: "9999" } }, meta("p-9999"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(commands.execute({ type: "PackShipment", data: {} }, meta("p-x"))).rejects.toMatchObject({ code: "VALIDATION" });
  });
}
