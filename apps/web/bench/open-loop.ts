import { Agent, request } from "node:http";
import type { Outcome } from "./load.ts";
import { percentile } from "./stats.ts";

const PRODUCTS = ["102", "103", "104", "105"];

/**
 * Open loop: cart.add requests sent at a fixed rate whatever the answers do (a closed loop slows down with the
 * server and so hides its queueing). Latency counts from when a request was due, not from when it went out, so a
 * generator that fell behind does not flatter the server. Requests rotate over (shopper, product) lines that the
 * closed loop did not use, a few adds each, far from the cart's cap.
 */
export async function openLoopAddToCart(origin: string, cookies: string[], rate: number, durationS: number): Promise<Outcome> {
  const url = new URL(origin);
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const total = Math.round(rate * durationS);
  const latencies: number[] = [];
  const refusals = new Map<string, number>();
  let errors = 0;
  let non2xx = 0;
  const send = (i: number, due: number) =>
    new Promise<void>((resolve) => {
      const cookie = cookies[i % cookies.length]!;
      const productId = PRODUCTS[Math.floor(i / cookies.length) % PRODUCTS.length]!;
      const body = JSON.stringify({ productId, quantity: 1 });
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: "POST",
          path: "/api/trpc/cart.add",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin, cookie },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => {
            latencies.push(performance.now() - due);
            if (res.statusCode !== 200) {
              non2xx++;
              // By status and the message's start (stream ids and versions left out, so that like counts with like).
              const message = Buffer.concat(chunks).toString("utf8").replace(/stream \S+/g, "stream …").replace(/\d+/g, "n");
              const reason = `${res.statusCode} ${message.slice(0, 80)}`;
              refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
            }
            resolve();
          });
        },
      );
      req.on("error", () => {
        errors++;
        resolve();
      });
      req.end(body);
    });
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inFlight.push(send(i, due));
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  const failures = [...refusals].map(([reason, n]) => `${n}× ${reason}`).join("; ");
  return {
    scenario: `POST cart.add open loop ${rate}/s`,
    requestsPerSecond: latencies.length / elapsed,
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    total: latencies.length,
    non2xx,
    errors,
    ...(failures && { note: `non-2xx: ${failures}` }),
  };
}
