// Errors
export { parseOrThrow } from "./errors/parse.ts";
export { DomainError, DOMAIN_ERROR_CODES, isDomainError, type DomainErrorCode, type DomainIssue } from "./errors/domain-error.ts";

// Shared vocabulary
export {
  IdSchema,
  NameSchema,
  DescriptionSchema,
  ReasonSchema,
  SkuSchema,
  EmailAddressSchema,
  IsoTimestampSchema,
  CartQuantitySchema,
  StockQuantitySchema,
  StockLevelSchema,
  StockDeltaSchema,
  MAX_CART_QUANTITY,
  MAX_CART_LINES,
  MAX_STOCK_MOVEMENT,
  MAX_STOCK_LEVEL,
} from "./shared/primitives.ts";
export { CurrencySchema, PriceSchema, MoneySchema, MAX_PRICE_AMOUNT, type Price, type Money } from "./shared/money.ts";
export { streamIds, parseStreamId, isStreamType, STREAM_TYPES, type StreamType } from "./shared/stream-ids.ts";
export {
  ERASED,
  ErasedSchema,
  isErased,
  isPersonalSchema,
  objectShapeOf,
  personal,
  personalFieldsOf,
  personalText,
  type Erased,
  type PersonalValue,
} from "./shared/personal-data.ts";
export { dataSubjectOfUser, personalDataOf, personalFieldMap, type EventPersonalData } from "./events/personal-data-map.ts";
export { CommandMetadataSchema, type CommandMetadata } from "./shared/metadata.ts";
export { messageSchema } from "./shared/message.ts";

// Events
export {
  ContactEmailSchema,
  UserRegisteredV1DataSchema,
  UserRegisteredV2DataSchema,
  UserRegisteredSchema,
  UserEmailChangedSchema,
  CustomerForgottenSchema,
  UserEventSchema,
  type ContactEmail,
  type UserRegisteredV1Data,
  type UserRegisteredV2Data,
  type UserRegistered,
  type UserEmailChanged,
  type CustomerForgotten,
  type UserEvent,
} from "./events/user-events.ts";
export {
  ProductListedSchema,
  ProductPriceChangedSchema,
  ProductDelistedSchema,
  StockReceivedSchema,
  StockAdjustedSchema,
  type ProductListed,
  type ProductPriceChanged,
  type ProductDelisted,
  type StockReceived,
  type StockAdjusted,
} from "./events/catalog-events.ts";
export {
  StockReservedSchema,
  StockReservationRejectedSchema,
  StockReleasedSchema,
  InventoryEventSchema,
  type StockReserved,
  type StockReservationRejected,
  type StockReleased,
  type InventoryEvent,
} from "./events/inventory-events.ts";
export { ProductEventSchema, type ProductEvent } from "./events/product-events.ts";
export {
  ProductAddedToCartSchema,
  ProductRemovedFromCartSchema,
  CartItemQuantityChangedSchema,
  CartCheckedOutSchema,
  CartEventSchema,
  type ProductAddedToCart,
  type ProductRemovedFromCart,
  type CartItemQuantityChanged,
  type CartCheckedOut,
  type CartEvent,
} from "./events/cart-events.ts";
export { OrderLineSchema, totalOf, type OrderLine } from "./events/order-line.ts";
export {
  OrderPlacedSchema,
  OrderConfirmedSchema,
  OrderRejectedSchema,
  OrderCancelledSchema,
  OrderShippedSchema,
  OrderDeliveredSchema,
  OrderEventSchema,
  ConfirmedLineSchema,
  CarrierSchema,
  TrackingNumberSchema,
  type OrderPlaced,
  type OrderConfirmed,
  type OrderRejected,
  type OrderCancelled,
  type OrderShipped,
  type OrderDelivered,
  type OrderEvent,
  type ConfirmedLine,
} from "./events/order-events.ts";
export { ShopEventSchema, type ShopEvent, type ShopEventType, type EventOfType } from "./events/shop-event.ts";
export {
  EVENT_STREAM_TYPES,
  isUserEvent,
  isProductEvent,
  isCartEvent,
  isOrderEvent,
} from "./events/event-streams.ts";
export {
  eventRegistry,
  EVENT_TYPES,
  isShopEventType,
  currentSchemaVersion,
  type EventTypeEntry,
} from "./events/registry.ts";
export { upcast, upcastWith, toVersionedEvent, type VersionedEvent } from "./events/upcast.ts";
export { parseEvent } from "./events/parse-event.ts";

// Commands
export {
  RegisterUserSchema,
  ChangeUserEmailSchema,
  UserCommandSchema,
  type RegisterUser,
  type ChangeUserEmail,
  type UserCommand,
} from "./commands/user-commands.ts";
export {
  ListProductSchema,
  ChangePriceSchema,
  DelistProductSchema,
  ReceiveStockSchema,
  AdjustStockSchema,
  ReleaseStockSchema,
  ProductCommandSchema,
  type ListProduct,
  type ChangePrice,
  type DelistProduct,
  type ReceiveStock,
  type AdjustStock,
  type ReleaseStock,
  type ProductCommand,
} from "./commands/product-commands.ts";
export { ReserveStockSchema, type ReserveStock } from "./commands/inventory-commands.ts";
export {
  AddProductToCartSchema,
  RemoveProductFromCartSchema,
  ChangeCartItemQuantitySchema,
  CartCommandSchema,
  type AddProductToCart,
  type RemoveProductFromCart,
  type ChangeCartItemQuantity,
  type CartCommand,
} from "./commands/cart-commands.ts";
export {
  PlaceOrderSchema,
  CancelOrderSchema,
  ConfirmOrderSchema,
  RejectOrderSchema,
  ShipOrderSchema,
  MarkOrderDeliveredSchema,
  OrderCommandSchema,
  type PlaceOrder,
  type CancelOrder,
  type ConfirmOrder,
  type RejectOrder,
  type ShipOrder,
  type MarkOrderDelivered,
  type OrderCommand,
} from "./commands/order-commands.ts";
export {
  ShopCommandSchema,
  parseCommand,
  type ShopCommand,
  type ShopCommandType,
  type CommandOfType,
} from "./commands/shop-command.ts";

// Deciders
export type { Decider, DecideContext, NoDependencies, Reducer } from "./deciders/decider.ts";
export { defineDecider, type DeciderDefinition } from "./deciders/define-decider.ts";
export { userDecider } from "./deciders/user/user-decider.ts";
export { initialUserState, type UserState } from "./deciders/user/user-state.ts";
export { productDecider } from "./deciders/product/product-decider.ts";
export { initialProductState, type ProductState, type KnownProduct } from "./deciders/product/product-state.ts";
export { cartDecider } from "./deciders/cart/cart-decider.ts";
export type { CartDependencies } from "./deciders/cart/cart-decide.ts";
export { initialCartState, type CartState, type CartItem } from "./deciders/cart/cart-state.ts";
export { orderDecider } from "./deciders/order/order-decider.ts";
export type { OrderDependencies } from "./deciders/order/order-decide-place.ts";
export { initialOrderState, type OrderState, type PlacedOrder } from "./deciders/order/order-state.ts";
export { ORDER_STATUSES, OPEN_ORDER_STATUSES, OrderStatusSchema, type OrderStatus } from "./deciders/order/order-status.ts";
export { shopStreamReducers, type ShopStreamReducer, type ShopStreamStates } from "./deciders/shop-streams.ts";
export { decidePlaceOrder, type PlaceOrderStates } from "./multi-stream/decide-place-order.ts";
export { decideReserveStock } from "./multi-stream/decide-reserve-stock.ts";
export type { StreamEvents } from "./multi-stream/stream-events.ts";

// Replay and time travel
export { fold, foldAsync } from "./replay/fold.ts";
export { takeSnapshot, isSnapshotUsable, foldFromSnapshot, type Snapshot } from "./replay/snapshot.ts";
export { stateAtVersion, timeline, type VersionView } from "./replay/state-at-version.ts";
export { diffStates, type StateChange } from "./replay/diff.ts";

// Read models
export { overviewReducer, type Overview, type OverviewUser, type OverviewOrder } from "./read-models/overview.ts";
export { catalogReducer, listedProducts, type Catalog, type CatalogEntry } from "./read-models/catalog.ts";
export { adminOrdersReducer, adminOrderList, type AdminOrderList, type OrderSummary } from "./read-models/admin-orders.ts";
export { customerOrdersReducer, ordersOfCustomer, type CustomerOrders } from "./read-models/customer-orders.ts";
export { salesPerDayReducer, salesByDay, type SalesPerDay, type DaySales } from "./read-models/sales-per-day.ts";

// Demo data
export { demoCatalog, demoCatalogCommands, type DemoProduct } from "./demo/demo-catalog.ts";
export { articleStory, demoSeed } from "./demo/article-story.ts";
export type { ScheduledCommand } from "./demo/scheduled-command.ts";

// Application wiring: which decider a command goes to and which streams it reads
export { routeCommand, type ShopStates } from "./routing/route-command.ts";
export { commandStreamOf } from "./routing/command-stream.ts";
export { streamsReadBy } from "./routing/streams-read.ts";
