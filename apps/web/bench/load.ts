import autocannon from "autocannon";

export interface Outcome {
  scenario: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  total: number;
  non2xx: number;
  errors: number;
  note?: string;
}

function outcomeOf(scenario: string, result: autocannon.Result, note?: string): Outcome {
  return {
    scenario,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    total: result.requests.total,
    non2xx: result.non2xx,
    errors: result.errors,
    ...(note && { note }),
  };
}

export async function getLoad(scenario: string, url: string, options: { connections: number; duration: number }): Promise<Outcome> {
  return outcomeOf(scenario, await autocannon({ url, ...options, method: "GET" }));
}

const PRODUCTS = ["101", "102", "103", "104", "105"];
/** The domain caps a cart line at 99: a connection removes its line just before it would pass that. */
const LINE_CAP = 99;

interface Slot {
  cookie: string;
  productId: string;
  quantity: number;
}

/**
 * Every request is one AddProductToCart command written to the log (a 200 with a checkpoint). Each connection owns
 * one (shopper, product) line, so the cap is never hit by a race; once per 99 requests it sends the line's removal
 * instead (also a command), and those are counted apart.
 */
export async function addToCartLoad(origin: string, cookies: string[], options: { connections: number; duration: number }): Promise<Outcome> {
  let nextSlot = 0;
  let written = 0;
  let removals = 0;
  const refusals = new Map<string, number>();
  const result = await autocannon({
    url: origin,
    ...options,
    requests: [
      {
        method: "POST",
        setupRequest(request, context) {
          const slot = ((context as { slot?: Slot }).slot ??= {
            cookie: cookies[nextSlot % cookies.length]!,
            productId: PRODUCTS[Math.floor(nextSlot++ / cookies.length) % PRODUCTS.length]!,
            quantity: 0,
          });
          const remove = slot.quantity === LINE_CAP;
          slot.quantity = remove ? 0 : slot.quantity + 1;
          if (remove) removals++;
          return {
            ...request,
            path: remove ? "/api/trpc/cart.remove" : "/api/trpc/cart.add",
            headers: { "content-type": "application/json", origin, cookie: slot.cookie },
            body: JSON.stringify(remove ? { productId: slot.productId } : { productId: slot.productId, quantity: 1 }),
          };
        },
        onResponse(status, body) {
          if (status === 200 && (JSON.parse(body) as { result?: { data?: { checkpoint?: string | null } } }).result?.data?.checkpoint) written++;
          if (status !== 200) {
            const reason = `${status} ${(JSON.parse(body) as { error?: { message?: string } }).error?.message ?? ""}`.slice(0, 120);
            refusals.set(reason, (refusals.get(reason) ?? 0) + 1);
          }
        },
      },
    ],
  });
  const failures = [...refusals].map(([reason, n]) => `${n}× ${reason}`).join("; ");
  const note = `${written} commands written (${removals} of them line removals)${failures ? `; non-2xx: ${failures}` : ""}`;
  return outcomeOf("POST cart.add (command write)", result, note);
}
