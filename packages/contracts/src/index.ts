export {
  CONTRACTS,
  CONTRACT_NAMES,
  isContractName,
  ShopOrderConfirmedV1,
  ShopOrderCancelledV1,
  ShippingShipmentDispatchedV1,
  ShippingShipmentDeliveredV1,
  ShippingShipmentCancelledV1,
  type ContractName,
  type ContractData,
} from "./contracts.ts";
export { messageFrom, parseContractMessage, subjectOf, type ContractMessage, type SourceEvent } from "./message.ts";
export { shopToMessages } from "./shop-to-messages.ts";
export { shippingToMessages } from "./shipping-to-messages.ts";
export { toShippingCommand, toShopCommand, type Translation } from "./receivers.ts";
export { SHOP_STREAM, SHIPPING_STREAM, integrationStreams, SHIPPING_INBOX, SHOP_INBOX } from "./streams.ts";
