import { isDeepStrictEqual } from "node:util";
import { diffStates, isDomainError, parseCommand, routeCommand, type ShopEvent, type StateChange } from "@chronicle/domain";
import { decideAsOf, type EventStore, type StreamReadAsOf } from "@chronicle/event-store";
import { shopStreamModels } from "../shop-models.ts";
import { shopStatesOver } from "../shop-states.ts";
import { firstEventOf, loadRecordedDecision, parseMetadata, shopEventOf, type RecordedDecision } from "./recorded-decision.ts";

/** One stream's events as decided then and as today's decider decides them on the same states. */
export interface StreamComparison {
  readonly streamId: string;
  readonly then: readonly ShopEvent[];
  readonly now: readonly ShopEvent[];
  readonly same: boolean;
  /** Where the two lists differ: paths like "0.data.quantity" (index, then the field). */
  readonly changes: readonly StateChange[];
}

export interface DecisionReplay {
  readonly eventId: string;
  readonly commandId: string;
  readonly command: RecordedDecision["command"];
  /** Every stream today's decision read, at the version it was read then (or, if it was not, as it stood then). */
  readonly read: readonly StreamReadAsOf[];
  readonly streams: readonly StreamComparison[];
  /** Today's code refuses the recorded command (its schema or its decider): the reason. */
  readonly refused: { readonly code: string; readonly message: string } | null;
  readonly same: boolean;
}

export interface ReplayDecisionOptions {
  /** Today's routing and deciders; a test hands in a changed one. */
  route?: typeof routeCommand;
}

/**
 * "Would it happen again?": the recorded command, run through today's deciders on the streams exactly as it read
 * them, next to the events it decided then. A decider change shows here against history before it ships.
 */
export async function replayDecision(store: EventStore, eventId: string, options: ReplayDecisionOptions = {}): Promise<DecisionReplay> {
  const recorded = await loadRecordedDecision(store, eventId);
  const route = options.route ?? routeCommand;
  let now: ReadonlyMap<string, readonly ShopEvent[]> = new Map();
  let read: readonly StreamReadAsOf[] = [];
  let refused: DecisionReplay["refused"] = null;
  try {
    const command = parseCommand(recorded.command);
    const metadata = parseMetadata(recorded.command.metadata);
    const replayed = await decideAsOf(store, {
      streamTypes: shopStreamModels({}),
      read: shopEventOf,
      versions: recorded.readVersions,
      before: firstEventOf(recorded),
      decide: (state) => route(shopStatesOver(state), command, metadata).map(({ streamId, events }) => ({
        streamId,
        events: events.map((e) => ({ type: e.type, data: e.data as unknown as Record<string, unknown> })),
      })),
    });
    read = replayed.read;
    now = new Map(replayed.decisions.filter((d) => d.events.length > 0).map((d) => [d.streamId, d.events as unknown as ShopEvent[]]));
  } catch (error) {
    if (!isDomainError(error)) throw error;
    refused = { code: error.code, message: error.message };
  }
  const then = new Map(recorded.appended.map((a) => [a.streamId, a.events.map(shopEventOf)]));
  const streamIds = [...new Set([...then.keys(), ...now.keys()])];
  const streams = streamIds.map((streamId) => compare(streamId, then.get(streamId) ?? [], now.get(streamId) ?? []));
  return {
    eventId,
    commandId: recorded.commandId,
    command: recorded.command,
    read,
    streams,
    refused,
    same: refused === null && streams.every((s) => s.same),
  };
}

function compare(streamId: string, then: readonly ShopEvent[], now: readonly ShopEvent[]): StreamComparison {
  const same = isDeepStrictEqual(then, now);
  return { streamId, then, now, same, changes: same ? [] : diffStates(then, now) };
}
