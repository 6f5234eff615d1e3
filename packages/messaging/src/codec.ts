import type { IntegrationMessage } from "./types.ts";

/** Header names: the message's envelope travels in headers, its data alone in the body. */
export const HEADER = {
  id: "Chronicle-Message-Id",
  type: "Chronicle-Type",
  occurredAt: "Chronicle-Occurred-At",
  correlationId: "Chronicle-Correlation-Id",
  causationId: "Chronicle-Causation-Id",
} as const;

export function envelopeHeaders(message: IntegrationMessage): [string, string][] {
  const entries: [string, string][] = [
    [HEADER.id, message.id],
    [HEADER.type, message.type],
    [HEADER.occurredAt, message.occurredAt],
  ];
  if (message.correlationId) entries.push([HEADER.correlationId, message.correlationId]);
  if (message.causationId) entries.push([HEADER.causationId, message.causationId]);
  return entries;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeData(data: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(data));
}

/** Throws on a message that is not one of ours (no id or type header, a body that is not JSON). */
export function decodeMessage(subject: string, get: (name: string) => string | undefined, body: Uint8Array): IntegrationMessage {
  const id = get(HEADER.id);
  const type = get(HEADER.type);
  if (!id || !type) throw new Error(`message on ${subject} has no ${HEADER.id} / ${HEADER.type} header`);
  const message: IntegrationMessage = {
    id,
    subject,
    type,
    data: JSON.parse(decoder.decode(body)),
    occurredAt: get(HEADER.occurredAt) ?? new Date(0).toISOString(),
  };
  const correlationId = get(HEADER.correlationId);
  const causationId = get(HEADER.causationId);
  if (correlationId) message.correlationId = correlationId;
  if (causationId) message.causationId = causationId;
  return message;
}

export function bodyText(body: Uint8Array): string {
  return decoder.decode(body);
}

/** Where dead letters go unless told otherwise, with written-down limits. */
export const DEFAULT_DEAD_LETTER_STREAM = {
  name: "DEAD_LETTERS",
  subjects: ["deadletter.>"],
  maxAgeMs: 30 * 24 * 3600_000,
  maxMessages: 100_000,
  maxBytes: 256 * 1024 * 1024,
  duplicateWindowMs: 120_000,
};

export function deadLetterSubject(stream: string, consumer: string): string {
  return `deadletter.${stream}.${consumer}`;
}

/** What the dead-letter stream stores: the failed message with why and how often it failed. */
export interface DeadLetterRecord {
  message: IntegrationMessage;
  stream: string;
  consumer: string;
  sequence: number;
  error: string;
  attempts: number;
  deadAt: string;
}
