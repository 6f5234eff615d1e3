"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { messageOf } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import { timeTravelHref } from "../links";
import { DecisionReplay } from "./decision-replay";
import { DownloadSpec } from "./download-spec";

/** The command behind an event, as recorded, with "would it happen again?" and "make it a test". */
export function DecisionPanel({ eventId }: { eventId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [replaying, setReplaying] = useState(false);
  const recorded = useQuery(trpc.admin.explain.command.queryOptions({ eventId }, { retry: false }));
  const replay = useQuery(trpc.admin.explain.replay.queryOptions({ eventId }, { enabled: replaying, retry: false }));
  if (recorded.error) {
    return <p className="muted" data-testid="decision-none">No decision to replay: {messageOf(recorded.error)}</p>;
  }
  if (!recorded.data) return <p className="muted"><span className="spinner" aria-hidden /> Loading its command…</p>;
  const { command, commandId, readVersions } = recorded.data;
  return (
    <div data-testid="decision-panel">
      <div className="card">
        <dl className="facts">
          <dt>Command</dt><dd><strong>{command.type}</strong> <span className="mono small">{commandId}</span></dd>
          <dt>It read</dt>
          <dd className="mono">
            {Object.entries(readVersions).map(([streamId, version]) => (
              <span key={streamId}>
                <Link href={timeTravelHref(streamId, version)}>{streamId} v{version}</Link>{" · "}
              </span>
            ))}
          </dd>
        </dl>
        <div className="admin-columns">
          <pre className="json" data-testid="command-data">{JSON.stringify(command.data, null, 2)}</pre>
          <pre className="json">{JSON.stringify(command.metadata, null, 2)}</pre>
        </div>
        <div className="row">
          <button type="button" onClick={() => (replaying ? void replay.refetch() : setReplaying(true))} disabled={replay.isFetching}>
            {replay.isFetching && <span className="spinner" aria-hidden />} Replay decision
          </button>
          <DownloadSpec
            label="Download spec"
            testId="download-decision-spec"
            load={() => queryClient.fetchQuery(trpc.admin.explain.exportDecision.queryOptions({ eventId }, { staleTime: 0 }))}
          />
        </div>
      </div>
      {replay.error && <div className="alert" role="alert">{messageOf(replay.error)}</div>}
      {replay.data && <DecisionReplay replay={replay.data} />}
    </div>
  );
}
