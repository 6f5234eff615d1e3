"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useDeferredValue, useEffect, useState } from "react";
import { formatTime } from "~/components/money";
import { useTRPC } from "~/trpc/react";
import { eventHref, timeTravelHref } from "../links";
import { StateChanges } from "./state-changes";

export function TimeTravelView({ streamId, initialVersion }: { streamId: string; initialVersion?: number }) {
  const trpc = useTRPC();
  const [target, setTarget] = useState<number | undefined>(initialVersion);
  // The slider moves at once; the replay follows, and the last one stays on screen while the next loads.
  const version = useDeferredValue(target);
  const { data } = useSuspenseQuery(trpc.admin.timeTravel.stream.queryOptions({ streamId, version }));
  const shown = target ?? data.version;
  const go = (v: number) => setTarget(Math.max(0, Math.min(data.length, v)));

  // The URL says where you are, so the view can be linked to (without a server round trip per step).
  useEffect(() => {
    if (target !== undefined) window.history.replaceState(null, "", timeTravelHref(streamId, data.version));
  }, [streamId, target, data.version]);

  return (
    <>
      <div className="card">
        <div className="spread">
          <strong data-testid="time-travel-version">Version {data.version} of {data.length}</strong>
          <span className="muted mono">{data.streamId} · {data.streamType}</span>
        </div>
        <div className="row slider-row">
          <button type="button" className="secondary" aria-label="Previous version" onClick={() => go(shown - 1)} disabled={shown <= 0}>‹</button>
          <input type="range" aria-label="Version" min={0} max={data.length} step={1} value={shown} onChange={(e) => go(Number(e.target.value))} />
          <button type="button" className="secondary" aria-label="Next version" onClick={() => go(shown + 1)} disabled={shown >= data.length}>›</button>
        </div>
        <p style={{ margin: ".4rem 0 0" }} data-testid="time-travel-event">
          {data.event ? (
            <>Event {data.version}: <Link href={eventHref(data.event.eventId)}>{data.event.type}</Link> <span className="muted">· {formatTime(data.event.recordedAt)}</span></>
          ) : <span className="muted">Version 0: before the first event, the reducer&apos;s initial state.</span>}
        </p>
      </div>
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
                <button type="button" className="link" onClick={() => go(e.version)}>{e.version}. {e.type}</button>
              </li>
            ))}
          </ol>
        </div>
      </div>
    </>
  );
}
