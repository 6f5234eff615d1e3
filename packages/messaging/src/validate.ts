import { z } from "zod";
import { MessagingError } from "./errors.ts";
import type { ConsumerOptions, IntegrationMessage, StreamSpec } from "./types.ts";

const NAME = /^[A-Za-z0-9_-]{1,64}$/;
/** Tokens of printable characters without spaces or wildcards, separated by dots. */
const SUBJECT = /^[^\s.*>]+(\.[^\s.*>]+)*$/;
const PATTERN = /^([^\s.*>]+|\*)(\.([^\s.*>]+|\*))*(\.>)?$|^>$/;

const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

const Spec = z.object({
  name: z.string().regex(NAME, "must be 1-64 of [A-Za-z0-9_-]"),
  subjects: z.array(z.string().regex(PATTERN, "must be a NATS subject pattern")).min(1),
  maxAgeMs: z.number().int().positive(),
  maxMessages: z.number().int().positive(),
  maxBytes: z.number().int().positive(),
  duplicateWindowMs: z.number().int().positive(),
});

const Options = z.object({
  stream: z.string().regex(NAME, "must be 1-64 of [A-Za-z0-9_-]"),
  durable: z.string().regex(NAME, "must be 1-64 of [A-Za-z0-9_-]"),
  filterSubject: z.string().regex(PATTERN, "must be a NATS subject pattern").optional(),
  maxDeliver: z.number().int().min(1).max(1000).optional(),
  backoffMs: z.array(z.number().int().min(0).max(3_600_000)).min(1).optional(),
  ackWaitMs: z.number().int().min(100).max(3_600_000).optional(),
  concurrency: z.number().int().min(1).max(1000).optional(),
});

function check<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new MessagingError("VALIDATION", `${what}: ${issue.path.join(".") || "value"} ${issue.message}`);
}

/** By hand, not with zod: it runs for every message the relay publishes. */
export function validateMessage(message: IntegrationMessage): IntegrationMessage {
  const fail = (field: string, why: string): never => {
    throw new MessagingError("VALIDATION", `integration message: ${field} ${why}`);
  };
  if (typeof message !== "object" || message === null) fail("message", "must be an object");
  const { id, subject, type, data, correlationId, causationId, occurredAt } = message;
  if (typeof id !== "string" || id.length === 0 || id.length > 200) fail("id", "must be a string of 1-200 characters");
  if (typeof subject !== "string" || subject.length > 255 || !SUBJECT.test(subject)) fail("subject", "must be dot-separated tokens without spaces or wildcards (at most 255 characters)");
  if (typeof type !== "string" || type.length === 0 || type.length > 200) fail("type", "must be a string of 1-200 characters");
  if (data === undefined) fail("data", "is missing");
  if (correlationId !== undefined && (typeof correlationId !== "string" || correlationId.length > 200)) fail("correlationId", "must be a string of at most 200 characters");
  if (causationId !== undefined && (typeof causationId !== "string" || causationId.length > 200)) fail("causationId", "must be a string of at most 200 characters");
  if (typeof occurredAt !== "string" || !ISO_DATE.test(occurredAt) || Number.isNaN(Date.parse(occurredAt))) fail("occurredAt", "must be an ISO 8601 date-time");
  return message;
}

export function validateStreamSpec(spec: StreamSpec): StreamSpec {
  return check(Spec, spec, `stream ${String((spec as { name?: unknown })?.name)}`);
}

export interface ResolvedConsumerOptions {
  stream: string;
  durable: string;
  filterSubject: string | undefined;
  maxDeliver: number;
  backoffMs: number[];
  ackWaitMs: number;
  concurrency: number;
}

export const DEFAULT_MAX_DELIVER = 5;
export const DEFAULT_BACKOFF_MS = [250, 1000, 5000, 15_000];
export const DEFAULT_ACK_WAIT_MS = 30_000;

export function resolveConsumerOptions(options: ConsumerOptions): ResolvedConsumerOptions {
  const { log: _log, ...rest } = options;
  check(Options, rest, `consumer ${String(options?.durable)}`);
  return {
    stream: options.stream,
    durable: options.durable,
    filterSubject: options.filterSubject,
    maxDeliver: options.maxDeliver ?? DEFAULT_MAX_DELIVER,
    backoffMs: options.backoffMs ?? DEFAULT_BACKOFF_MS,
    ackWaitMs: options.ackWaitMs ?? DEFAULT_ACK_WAIT_MS,
    concurrency: options.concurrency ?? 1,
  };
}

/** The pause before the redelivery that follows the `failures`-th failure. */
export function backoffFor(backoffMs: readonly number[], failures: number): number {
  return backoffMs[Math.min(failures, backoffMs.length) - 1] ?? 0;
}

/**
 * What keeps messages in order: a subject's last token, its aggregate id (`shop.order.confirmed.v1.<orderId>`). The
 * messages of one aggregate are published and handled one after another in log order, across contracts (an order's
 * cancellation never overtakes its confirmation); different aggregates run side by side.
 */
export function orderingKeyOf(subject: string): string {
  return subject.slice(subject.lastIndexOf(".") + 1);
}

/** NATS subject matching: `*` matches one token, a final `>` one or more. */
export function subjectMatches(pattern: string, subject: string): boolean {
  const p = pattern.split(".");
  const s = subject.split(".");
  for (let i = 0; i < p.length; i++) {
    if (p[i] === ">") return s.length > i;
    if (i >= s.length) return false;
    if (p[i] !== "*" && p[i] !== s[i]) return false;
  }
  return p.length === s.length;
}
