import { DomainError, parseOrThrow } from "@chronicle/domain";
import { CONTRACTS, isContractName, type ContractData, type ContractName } from "./contracts.ts";

/**
 * An integration message as it travels (the same shape as @chronicle/messaging's IntegrationMessage, which this
 * pure package does not import): `id` is the source event's id, so a republished event is the same message (the
 * broker's de-duplication) and the same command at the receiver (its command id).
 */
export interface ContractMessage<N extends ContractName = ContractName> {
  id: string;
  /** `<contract name>.<order id>`: per-order ordering, and receivers can filter on the order. */
  subject: string;
  type: N;
  data: ContractData<N>;
  correlationId?: string;
  causationId?: string;
  occurredAt: string;
}

/** Where a source event sits: the fields of a stored event a mapping needs (a StoredEvent has them all). */
export interface SourceEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: { correlationId?: unknown; causationId?: unknown };
  recordedAt: string;
}

export function subjectOf(name: ContractName, orderId: string): string {
  return `${name}.${orderId}`;
}

/**
 * A contract message made from the event that caused it: validated against its contract (a mapping bug must not
 * leave the service), with the source's correlation id (or the event's own id, which starts a story) and the
 * source event as the causation.
 */
export function messageFrom<N extends ContractName>(name: N, source: SourceEvent, data: ContractData<N>, orderId: string): ContractMessage<N> {
  const valid = parseOrThrow(CONTRACTS[name], data, `${name} message`, "INVARIANT_BROKEN") as ContractData<N>;
  const correlationId = typeof source.metadata.correlationId === "string" ? source.metadata.correlationId : source.eventId;
  return {
    id: source.eventId,
    subject: subjectOf(name, orderId),
    type: name,
    data: valid,
    correlationId,
    causationId: source.eventId,
    occurredAt: new Date(source.recordedAt).toISOString(),
  };
}

/** A received message as one of the contracts: unknown names and data that breaks its contract are typed errors. */
export function parseContractMessage(message: { type: string; data: unknown }): { [N in ContractName]: { type: N; data: ContractData<N> } }[ContractName] {
  if (!isContractName(message.type)) throw new DomainError("UNKNOWN_EVENT_TYPE", `Unknown contract ${JSON.stringify(message.type)}`);
  const data: unknown = parseOrThrow(CONTRACTS[message.type], message.data, `${message.type} message`);
  return { type: message.type, data } as { [N in ContractName]: { type: N; data: ContractData<N> } }[ContractName];
}
