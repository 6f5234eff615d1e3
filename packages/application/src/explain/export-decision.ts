import { parseCommand, parseStreamId } from "@chronicle/domain";
import { renderDecisionSpec, renderRoutedSpec, specFileName, type SpecContext, type SpecHeader } from "@chronicle/domain/testing/export";
import type { EventStore } from "@chronicle/event-store";
import { eventsAtVersion, firstEventOf, loadRecordedDecision, parseMetadata, shopEventOf, type RecordedDecision } from "./recorded-decision.ts";
import { specPlanFor } from "./spec-plan.ts";

/** A spec file ready to write: its name and its source. */
export interface SpecFile {
  readonly fileName: string;
  readonly source: string;
}

/**
 * The decision behind an event as a regression test for `@chronicle/domain/testing`'s `specification`: given the
 * event's stream as the command read it, when the recorded command (with its metadata), then the events it decided
 * for that stream; the decider's context is folded from the other streams at the versions they were read.
 */
export async function exportDecisionSpec(store: EventStore, eventId: string): Promise<SpecFile> {
  const recorded = await loadRecordedDecision(store, eventId);
  const { event } = recorded;
  const command = parseCommand(recorded.command);
  const metadata = parseMetadata(recorded.command.metadata);
  const history = async (streamId: string) => eventsAtVersion(store, streamId, versionRead(recorded, streamId));
  const decided = (streamId: string) => (recorded.appended.find((a) => a.streamId === streamId)?.events ?? []).map(shopEventOf);
  const header = headerOf(recorded);
  const fileName = specFileName(event.streamId, `v${event.streamVersion}`, event.type);
  const plan = specPlanFor(command, event.streamId);
  if (plan.kind === "routed") {
    const readIds = Object.keys(recorded.readVersions);
    const given = Object.fromEntries(await Promise.all(readIds.map(async (id) => [id, await history(id)] as const)));
    const then = recorded.appended.map((a) => ({ streamId: a.streamId, events: a.events.map(shopEventOf) }));
    return { fileName, source: renderRoutedSpec({ ...header, given, when: command, metadata, then }) };
  }
  const products = async () => Object.fromEntries(await Promise.all(Object.keys(recorded.readVersions)
    .filter((id) => parseStreamId(id).streamType === "product")
    .map(async (id) => [parseStreamId(id).id, await history(id)] as const)));
  const context: SpecContext | undefined = plan.context === "products" ? { products: await products() }
    : plan.context === "checkout" ? { checkout: { cart: await history(`cart-${userIdOf(command)}`), products: await products() } }
    : undefined;
  const source = renderDecisionSpec({
    ...header,
    decider: plan.decider,
    ...(context && { context }),
    given: await history(event.streamId),
    when: command,
    metadata,
    then: decided(event.streamId),
  });
  return { fileName, source };
}

/** The version a stream was read at; a stream written but not read is taken as it stood before the command. */
function versionRead(recorded: RecordedDecision, streamId: string): number {
  if (Object.hasOwn(recorded.readVersions, streamId)) return recorded.readVersions[streamId]!;
  const first = recorded.appended.find((a) => a.streamId === streamId)?.events[0];
  return first ? first.streamVersion - 1 : 0;
}

function userIdOf(command: { data: unknown }): string {
  return String((command.data as { userId?: unknown }).userId);
}

function headerOf(recorded: RecordedDecision): SpecHeader {
  const { event, commandId, command } = recorded;
  const read = Object.entries(recorded.readVersions).map(([id, version]) => `${id} at version ${version}`).join(", ");
  const types = recorded.appended.find((a) => a.streamId === event.streamId)?.events.map((e) => e.type).join(", ") || "nothing";
  return {
    provenance: [
      "Exported from the Chronicle event log (export-test): a recorded decision as a regression test.",
      `Event ${event.eventId}: ${event.type} on ${event.streamId} at version ${event.streamVersion}, recorded ${event.recordedAt}.`,
      `Command ${commandId}: ${command.type}, first event at position ${firstEventOf(recorded).position}.`,
      `It read ${read || "no stream"}.`,
    ],
    title: `${event.streamId}: ${command.type} (command ${commandId})`,
    name: `decides ${types} again`,
  };
}
