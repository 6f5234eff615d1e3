export * from "./domain/index.ts";
export { createShippingCommands, type ShippingCommands } from "./shipping-commands.ts";
export { startWarehouse, trackingNumberFor, DEFAULT_CARRIER, type Warehouse, type WarehouseOptions } from "./warehouse.ts";
export { shipmentsProjection } from "./read-model/shipments-projection.ts";
export { shipments, type ShipmentRow } from "./read-model/schema.ts";
export {
  shipmentsOfOrder,
  shipmentsOfOrders,
  shipmentById,
  listShipments,
  type ShipmentView,
  type ShipmentPage,
} from "./read-model/queries.ts";
export { shippingMigrationSets, shippingReadModelMigrationSet } from "./migrations.ts";
export { shippingRouter, createShippingCaller, type ShippingRouter, type ShippingApiContext } from "./api/router.ts";
export { shipmentTimeline, type TimelineEntry } from "./api/timeline.ts";
