import { foldAsync, overviewReducer, STREAM_TYPES, type Overview } from "@chronicle/domain";
import { compareCheckpoints, countEvents, type Checkpoint, type EventStore } from "@chronicle/event-store";
import { shopEventOf } from "./recorded-decision.ts";

export type OverviewReplayStep =
  | { readonly kind: "progress"; readonly done: number; readonly total: number }
  | { readonly kind: "done"; readonly overview: Overview; readonly events: number; readonly head: Checkpoint };

/** At most one progress step per this many milliseconds (a 1,000,000-event log would otherwise send 1,000). */
const PROGRESS_EVERY_MS = 100;

/**
 * The article's replay, made visible: the overview folded (`foldAsync`) from the shop's events up to the log's head
 * when it starts, page by page, with progress after each page. Events appended meanwhile are left for the next
 * replay, so "done" says exactly which point of the log the overview stands at.
 */
export async function* replayOverview(store: EventStore, options: { batchSize?: number } = {}): AsyncGenerator<OverviewReplayStep> {
  const filter = { streamTypes: [...STREAM_TYPES] };
  const head = await store.headCheckpoint();
  const total = await countEvents(store, { upTo: head, filter });
  yield { kind: "progress", done: 0, total };
  let overview = overviewReducer.initialState();
  let done = 0;
  let shown = performance.now();
  for await (const batch of store.readAllBatches({ batchSize: options.batchSize ?? 2000, filter })) {
    const mine = batch.filter((e) => compareCheckpoints(e, head) <= 0);
    overview = await foldAsync(overviewReducer, mine.map(shopEventOf), overview);
    done += mine.length;
    if (mine.length < batch.length) break;
    if (performance.now() - shown >= PROGRESS_EVERY_MS) {
      shown = performance.now();
      yield { kind: "progress", done, total };
    }
  }
  yield { kind: "progress", done, total };
  yield { kind: "done", overview, events: done, head };
}
