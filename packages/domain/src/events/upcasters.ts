import type { OrderConfirmedV1Data, OrderConfirmedV2Data, OrderShippedV1Data, OrderShippedV2Data } from "./order-events.ts";
import type { UserRegisteredV1Data, UserRegisteredV2Data } from "./user-events.ts";

/** v1 -> v2 (an erased name stays erased: the person was forgotten before or after the upgrade): the name is renamed, and the email v1 never asked for is recorded as unknown, not guessed. */
export function upcastUserRegisteredV1(data: UserRegisteredV1Data): UserRegisteredV2Data {
  return { userId: data.userId, name: data.userName, email: { kind: "unknown" } };
}

/** v1 -> v2: a confirmation that never named its lines says so (null); they are on the order's OrderPlaced. */
export function upcastOrderConfirmedV1(data: OrderConfirmedV1Data): OrderConfirmedV2Data {
  return { orderId: data.orderId, lines: null, confirmedAt: data.confirmedAt };
}

/** v1 -> v2: shipped before shipping was a service of its own: no carrier, no tracking number, and none invented. */
export function upcastOrderShippedV1(data: OrderShippedV1Data): OrderShippedV2Data {
  return { orderId: data.orderId, carrier: null, trackingNumber: null, shippedAt: data.shippedAt };
}
