// The shipping context's pure domain: no I/O, no clock, no randomness (the same ESLint rules as the shop's).
export {
  ShipmentLineSchema,
  CarrierSchema,
  TrackingNumberSchema,
  ShipmentRequestedSchema,
  ShipmentPackedSchema,
  ShipmentDispatchedSchema,
  ShipmentDeliveredSchema,
  ShipmentFailedSchema,
  ShipmentCancelledSchema,
  ShipmentEventSchema,
  type ShipmentLine,
  type ShipmentRequested,
  type ShipmentPacked,
  type ShipmentDispatched,
  type ShipmentDelivered,
  type ShipmentFailed,
  type ShipmentCancelled,
  type ShipmentEvent,
  type ShipmentEventType,
} from "./shipment-events.ts";
export {
  RequestShipmentSchema,
  PackShipmentSchema,
  DispatchShipmentSchema,
  DeliverShipmentSchema,
  FailShipmentSchema,
  CancelShipmentSchema,
  ShipmentCommandSchema,
  type RequestShipment,
  type PackShipment,
  type DispatchShipment,
  type DeliverShipment,
  type FailShipment,
  type CancelShipment,
  type ShipmentCommand,
} from "./shipment-commands.ts";
export { SHIPMENT_STATUSES, OPEN_SHIPMENT_STATUSES, ShipmentStatusSchema, type ShipmentStatus } from "./shipment-status.ts";
export { initialShipmentState, type ShipmentState, type KnownShipment } from "./shipment-state.ts";
export { shipmentDecider } from "./shipment-decider.ts";
export { SHIPPING_STREAM_TYPES, shippingStreamIds, shipmentIdForOrder, type ShippingStreamType } from "./stream-ids.ts";
export {
  shipmentEventRegistry,
  isShipmentEventType,
  upcastShipmentEvent,
  toVersionedShipmentEvent,
  parseShipmentEvent,
} from "./registry.ts";
