import { DomainError, fold, isStreamType, shopStreamReducers, type Reducer, type ShopEvent } from "@chronicle/domain";
import { renderReducerSpec, specFileName } from "@chronicle/domain/testing/export";
import { streamTypeOf, type EventStore } from "@chronicle/event-store";
import { shopEventOf } from "./recorded-decision.ts";
import type { SpecFile } from "./export-decision.ts";

/**
 * Versions a..b of a shop stream as a reducer test: from the state at version a - 1, given events a..b, then the
 * state at version b — what the stream's own decider folds them into today.
 */
export async function exportSliceSpec(store: EventStore, streamId: string, from: number, to: number): Promise<SpecFile> {
  const streamType = streamTypeOf(streamId);
  if (!isStreamType(streamType)) {
    throw new DomainError("VALIDATION", `${streamId} has no reducer in the shop: only user, product, cart and order streams export as reducer tests`);
  }
  const length = await store.streamVersion(streamId);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || from < 1 || to < from || to > length) {
    throw new DomainError("VALIDATION", `A slice of ${streamId} is versions a..b with 1 <= a <= b <= ${length}, got ${from}..${to}`);
  }
  const events: ShopEvent[] = (await store.readStream(streamId, { from: 1, limit: to })).map(shopEventOf);
  const reducer: Reducer<unknown, ShopEvent> = shopStreamReducers[streamType];
  const before = events.slice(0, from - 1);
  const slice = events.slice(from - 1);
  const source = renderReducerSpec({
    provenance: [
      "Exported from the Chronicle event log (export-test): a slice of a stream as a reducer test.",
      `Stream ${streamId}, versions ${from}..${to} of ${length}, folded by today's ${streamType} decider.`,
    ],
    title: `${streamId}: versions ${from}..${to}`,
    name: `folds ${slice.map((e) => e.type).join(", ")} into the recorded state`,
    reducer: `${streamType}Decider`,
    ...(from > 1 && { from: fold(reducer, before) }),
    given: slice,
    then: fold(reducer, events),
  });
  return { fileName: specFileName(streamId, `v${from}-to-v${to}`), source };
}
