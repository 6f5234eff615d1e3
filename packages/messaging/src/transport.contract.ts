import { afterEach, beforeEach, expect, it } from "vitest";
import { isMessagingError } from "./errors.ts";
import { testStreamSpec, uniqueName, waitUntil } from "./testing/index.ts";
import type { Consumer, DeadLetter, IntegrationMessage, StreamSpec, Transport } from "./types.ts";

export interface ContractSetup {
  transport: Transport;
  /** Removes what the test created on a shared server. */
  cleanup(streams: string[]): Promise<void>;
}

let counter = 0;
export function message(subject: string, data: unknown, extra: Partial<IntegrationMessage> = {}): IntegrationMessage {
  counter++;
  return { id: `m-${Date.now().toString(36)}-${counter}`, subject, type: subject.split(".").slice(0, 3).join("."), data, occurredAt: new Date().toISOString(), ...extra };
}

/** The behaviour both transports promise, run against each (the in-process one must behave as the broker does). */
export function transportContract(make: (deadLetters: StreamSpec) => Promise<ContractSetup>): void {
  let setup: ContractSetup;
  let transport: Transport;
  let stream: string;
  let prefix: string;
  let deadLetterSpec: StreamSpec;
  const consumers: Consumer[] = [];

  beforeEach(async () => {
    stream = uniqueName("T");
    prefix = stream.toLowerCase();
    deadLetterSpec = testStreamSpec(`${stream}_DL`, [`${prefix}_dl.>`]);
    setup = await make(deadLetterSpec);
    transport = setup.transport;
    await transport.ensureStreams([testStreamSpec(stream, [`${prefix}.>`], { maxMessages: 10_000 })]);
  });

  afterEach(async () => {
    for (const consumer of consumers.splice(0)) await consumer.stop();
    await setup.cleanup([stream, deadLetterSpec.name]);
    await transport.close();
  });

  const consume = (durable: string, handle: (m: IntegrationMessage, d: { attempt: number }) => Promise<void>, extra = {}) => {
    const consumer = transport.consume({ stream, durable, backoffMs: [50], ackWaitMs: 5000, ...extra }, handle);
    consumers.push(consumer);
    return consumer;
  };

  it("creates streams idempotently, with their limits written down", async () => {
    await transport.ensureStreams([testStreamSpec(stream, [`${prefix}.>`], { maxMessages: 10_000 })]);
    await transport.ensureStreams([testStreamSpec(stream, [`${prefix}.>`], { maxMessages: 20_000 })]);
    const { streams } = await transport.stats();
    const mine = streams.find((s) => s.name === stream)!;
    expect(mine.limits).toEqual({ maxAgeMs: 3600_000, maxMessages: 20_000, maxBytes: 512 * 1024 * 1024, duplicateWindowMs: 120_000 });
    expect(streams.some((s) => s.name === deadLetterSpec.name)).toBe(true);
  });

  it("stores a message id once within the duplicate window", async () => {
    const m = message(`${prefix}.order.confirmed.o1`, { orderId: "o1" });
    const first = await transport.publish(m);
    const again = await transport.publish(m);
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ sequence: first.sequence, duplicate: true });
    const { streams } = await transport.stats();
    expect(streams.find((s) => s.name === stream)!.messages).toBe(1);
  });

  it("refuses a malformed message or options with a typed error", async () => {
    const bad = [
      message(`${prefix}.has space`, {}),
      message(`${prefix}.wild.*`, {}),
      { ...message(`${prefix}.x`, {}), id: "" },
      { ...message(`${prefix}.x`, {}), occurredAt: "yesterday" },
    ];
    for (const m of bad) await expect(transport.publish(m)).rejects.toSatisfy((e) => isMessagingError(e) && e.code === "VALIDATION");
    expect(() => transport.consume({ stream, durable: "has space" }, async () => {})).toThrow(/durable/);
    expect(() => transport.consume({ stream, durable: "ok", maxDeliver: 0 }, async () => {})).toThrow(/maxDeliver/);
  });

  it("carries the envelope: type, data, occurredAt, correlation and causation ids", async () => {
    const sent = message(`${prefix}.order.confirmed.o2`, { orderId: "o2", lines: [{ sku: "a", qty: 2 }] }, { correlationId: "corr-1", causationId: "cause-1" });
    await transport.publish(sent);
    const got: IntegrationMessage[] = [];
    consume("envelope", async (m) => void got.push(m));
    await waitUntil(() => got.length === 1);
    expect(got[0]).toEqual(sent);
  });

  it("delivers every message once when handlers succeed, in order per subject, and acks them", async () => {
    const subjects = ["a", "b", "c"].map((k) => `${prefix}.order.placed.${k}`);
    for (let i = 0; i < 30; i++) await transport.publish(message(subjects[i % 3]!, { i }));
    const seen = new Map<string, number[]>();
    consume("ordered", async (m) => {
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      seen.set(m.subject, [...(seen.get(m.subject) ?? []), (m.data as { i: number }).i]);
    }, { concurrency: 4 });
    await waitUntil(() => [...seen.values()].flat().length === 30);
    for (const [index, subject] of subjects.entries()) {
      expect(seen.get(subject)).toEqual(Array.from({ length: 10 }, (_, n) => n * 3 + index));
    }
    await waitUntil(async () => (await transport.stats()).consumers.find((c) => c.name === "ordered")?.ackFloor === 30, 10_000, "ack floor at 30");
    const stats = (await transport.stats()).consumers.find((c) => c.name === "ordered")!;
    expect(stats).toMatchObject({ stream, pending: 0, ackPending: 0, delivered: 30 });
  });

  it("keeps one aggregate's messages in order across contracts (the subject's last token), others side by side", async () => {
    // An order's confirmation and its cancellation travel on different subjects; the cancellation must not overtake.
    const kinds = ["confirmed", "cancelled", "shipped"];
    for (let i = 0; i < 30; i++) await transport.publish(message(`${prefix}.order.${kinds[i % 3]}.v1.${i % 2 === 0 ? "x" : "y"}`, { i }));
    const seen = new Map<string, number[]>();
    let inFlight = 0;
    let mostInFlight = 0;
    consume("by-aggregate", async (m) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1 + Math.random() * 4));
      const key = m.subject.split(".").at(-1)!;
      seen.set(key, [...(seen.get(key) ?? []), (m.data as { i: number }).i]);
      inFlight--;
    }, { concurrency: 8 });
    await waitUntil(() => [...seen.values()].flat().length === 30);
    expect(seen.get("x")).toEqual(Array.from({ length: 15 }, (_, n) => n * 2));
    expect(seen.get("y")).toEqual(Array.from({ length: 15 }, (_, n) => n * 2 + 1));
    // The two aggregates did run side by side.
    expect(mostInFlight).toBe(2);
  });

  it("delivers a message again after its handler threw, with the attempt number", async () => {
    await transport.publish(message(`${prefix}.order.placed.r1`, { n: 1 }));
    const attempts: number[] = [];
    consume("flaky", async (_m, d) => {
      attempts.push(d.attempt);
      if (d.attempt < 3) throw new Error("not yet");
    });
    await waitUntil(() => attempts.length === 3);
    await new Promise((r) => setTimeout(r, 200));
    expect(attempts).toEqual([1, 2, 3]);
  });

  it("dead-letters a poison message after maxDeliver attempts while the rest flow; a retry applies it", async () => {
    let healed = false;
    const applied: number[] = [];
    const attemptsOfPoison: number[] = [];
    consume("poisoned", async (m, d) => {
      const { n } = m.data as { n: number };
      if (n === 3 && !healed) {
        attemptsOfPoison.push(d.attempt);
        throw new Error("cannot apply n=3");
      }
      applied.push(n);
    }, { maxDeliver: 3 });
    for (let n = 1; n <= 6; n++) await transport.publish(message(`${prefix}.order.placed.p${n}`, { n }, { correlationId: `c${n}` }));
    await waitUntil(() => applied.length === 5);
    let letters: DeadLetter[] = [];
    await waitUntil(async () => (letters = await transport.deadLetters()).length === 1, 10_000, "one dead letter");
    expect(attemptsOfPoison).toEqual([1, 2, 3]);
    expect(letters[0]).toMatchObject({ stream, consumer: "poisoned", attempts: 3, message: { subject: `${prefix}.order.placed.p3`, data: { n: 3 }, correlationId: "c3" } });
    expect(letters[0]!.error).toContain("cannot apply n=3");
    healed = true;
    await transport.retryDeadLetter(letters[0]!.id);
    await waitUntil(() => applied.length === 6);
    expect(applied.sort()).toEqual([1, 2, 3, 4, 5, 6]);
    expect(await transport.deadLetters()).toEqual([]);
    await expect(transport.retryDeadLetter(letters[0]!.id)).rejects.toSatisfy((e) => isMessagingError(e) && e.code === "NOT_FOUND");
    await expect(transport.retryDeadLetter("x1")).rejects.toSatisfy((e) => isMessagingError(e) && e.code === "VALIDATION");
  });

  it("keeps a durable consumer's position: a new consume resumes after what was acknowledged", async () => {
    const got: number[] = [];
    const first = consume("durable", async (m) => void got.push((m.data as { n: number }).n));
    for (let n = 1; n <= 3; n++) await transport.publish(message(`${prefix}.order.placed.d`, { n }));
    await waitUntil(() => got.length === 3);
    await first.stop();
    await new Promise((r) => setTimeout(r, 100));
    for (let n = 4; n <= 5; n++) await transport.publish(message(`${prefix}.order.placed.d`, { n }));
    consume("durable", async (m) => void got.push((m.data as { n: number }).n));
    await waitUntil(() => got.length >= 5);
    await new Promise((r) => setTimeout(r, 300));
    expect(got).toEqual([1, 2, 3, 4, 5]);
  });

  it("gives each consumer only its filter's subjects", async () => {
    const got: string[] = [];
    consume("filtered", async (m) => void got.push(m.subject), { filterSubject: `${prefix}.order.cancelled.*` });
    await transport.publish(message(`${prefix}.order.placed.f1`, {}));
    await transport.publish(message(`${prefix}.order.cancelled.f1`, {}));
    await waitUntil(() => got.length === 1);
    await new Promise((r) => setTimeout(r, 200));
    expect(got).toEqual([`${prefix}.order.cancelled.f1`]);
  });
}
