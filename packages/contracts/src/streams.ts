/**
 * The JetStream streams the two services publish to, with their limits written down: a week of messages (a service
 * may be down that long and still catch up), at most a million messages or 1 GiB each, and a de-duplication window
 * of two minutes (a relay that republishes after a crash does so within seconds).
 */
const limits = { maxAgeMs: 7 * 24 * 3_600_000, maxMessages: 1_000_000, maxBytes: 1024 ** 3, duplicateWindowMs: 120_000 };

export const SHOP_STREAM = { name: "SHOP", subjects: ["shop.>"], ...limits };
export const SHIPPING_STREAM = { name: "SHIPPING", subjects: ["shipping.>"], ...limits };
export const integrationStreams = [SHOP_STREAM, SHIPPING_STREAM];

/** Durable consumers: each service reads the other's stream under its own name. */
export const SHIPPING_INBOX = { stream: SHOP_STREAM.name, durable: "shipping", filterSubject: "shop.order.>" };
export const SHOP_INBOX = { stream: SHIPPING_STREAM.name, durable: "shop", filterSubject: "shipping.shipment.>" };
