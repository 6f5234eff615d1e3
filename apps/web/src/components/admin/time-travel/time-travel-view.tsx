"use client";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { messageOf } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import { timeTravelHref } from "../links";
import { CompareVersions } from "./compare-versions";
import { StateChanges } from "./state-changes";
import { VersionControls } from "./version-controls";

export function TimeTravelView({ streamId, initialVersion }: { streamId: string; initialVersion?: number }) {
  const trpc = useTRPC();
  const [target, setTarget] = useState<number | undefined>(initialVersion);
  // The previous version stays on screen while the next one loads, so the slider can be dragged smoothly.
  const { data, error, isFetching } = useQuery(
    trpc.admin.timeTravel.stream.queryOptions({ streamId, version: target }, { placeholderData: keepPreviousData, retry: false }),
  );

  // The URL says where you are, so the view can be linked to (without a server round trip per step).
  useEffect(() => {
    if (target !== undefined && data) window.history.replaceState(null, "", timeTravelHref(streamId, data.version));
  }, [streamId, target, data]);

  if (error) return <div className="alert" role="alert">{messageOf(error)}</div>;
  if (!data) return <p className="muted"><span className="spinner" aria-hidden /> Replaying {streamId}…</p>;
  return (
    <>
      <VersionControls data={data} target={target ?? data.version} busy={isFetching} onChange={(v) => setTarget(Math.max(0, Math.min(data.length, v)))} />
      <p className="small muted" data-testid="time-travel-reducer">
        {data.reducer.kind === "shop" ? "State " : <><span className="badge">generic</span> State: </>}{data.reducer.note}.
      </p>
      <div className="admin-columns">
        <div>
          <h2>State at version {data.version}</h2>
          <pre className="json" data-testid="time-travel-state">{JSON.stringify(data.state, null, 2)}</pre>
        </div>
        <div>
          <h2>What this event changed</h2>
          <StateChanges changes={data.changes} />
          <h2>Events</h2>
          <ol className="timeline">
            {data.events.map((e) => (
              <li key={e.eventId} className={e.version === data.version ? "current" : undefined}>
                <button type="button" className="link" onClick={() => setTarget(e.version)}>{e.type}</button>
              </li>
            ))}
          </ol>
        </div>
      </div>
      <h2>Compare two versions</h2>
      <CompareVersions key={streamId} streamId={streamId} length={data.length} version={data.version} />
    </>
  );
}
