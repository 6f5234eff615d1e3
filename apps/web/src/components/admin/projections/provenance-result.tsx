"use client";
import Link from "next/link";
import type { RouterOutputs } from "@chronicle/api";
import { formatTime } from "~/components/money";
import { messageOf } from "~/components/trpc-error";
import { eventHref, timeTravelHref } from "../links";

type Provenance = RouterOutputs["admin"]["projections"]["provenance"];

export function ProvenanceResult({ data, error }: { data: Provenance | undefined; error: unknown }) {
  if (error) return <div className="alert" role="alert">{messageOf(error)}</div>;
  if (!data) return <p className="muted"><span className="spinner" aria-hidden /> Looking it up…</p>;
  const { row, lastEvent, streamId, events } = data;
  return (
    <div className="admin-columns" data-testid="provenance-result">
      <div>
        <h2>The row</h2>
        <pre className="json">{JSON.stringify(row, null, 2)}</pre>
      </div>
      <div>
        <h2>Last changed by</h2>
        <p>
          {lastEvent ? <><Link href={eventHref(lastEvent.eventId)}>{lastEvent.type}</Link> <span className="muted">· v{lastEvent.streamVersion} of {lastEvent.streamId} · {formatTime(lastEvent.recordedAt)}</span></> : "the event is no longer in the log"}
        </p>
        <h2>
          Events of <Link className="mono" href={timeTravelHref(streamId)}>{streamId}</Link>
        </h2>
        <ol className="timeline">
          {events.map((e) => (
            <li key={e.eventId} className={e.eventId === lastEvent?.eventId ? "current" : undefined}>
              <Link href={eventHref(e.eventId)}>{e.type}</Link> <span className="muted small">{formatTime(e.recordedAt)}</span>
            </li>
          ))}
        </ol>
      </div>
    </div>
  );
}
