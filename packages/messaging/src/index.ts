export type {
  Consumer,
  ConsumerOptions,
  ConsumerStats,
  DeadLetter,
  Delivery,
  IntegrationMessage,
  Log,
  MessageHandler,
  StreamSpec,
  StreamStats,
  Transport,
  TransportStats,
} from "./types.ts";
export { MessagingError, isMessagingError, type MessagingErrorCode } from "./errors.ts";
export { createNatsTransport, type NatsTransportOptions } from "./nats-transport.ts";
export { createInProcessTransport, type InProcessTransportOptions } from "./in-process-transport.ts";
export { startRelay, relayStatus, retryRelay, relayCheckpointName, type Relay, type RelayOptions, type RelayStatus } from "./relay.ts";
export { DEFAULT_DEAD_LETTER_STREAM, HEADER } from "./codec.ts";
export { DEFAULT_ACK_WAIT_MS, DEFAULT_BACKOFF_MS, DEFAULT_MAX_DELIVER, orderingKeyOf, subjectMatches } from "./validate.ts";
export { messagingMigrationSet } from "./migrations.ts";
