"use client";
import Link from "next/link";
import type { RouterOutputs } from "@chronicle/api";
import { formatTime } from "~/components/money";
import { eventHref } from "../links";

type View = RouterOutputs["admin"]["timeTravel"]["stream"];

/** The slider and the ‹ › steppers; `target` moves at once, `data` follows when the replay answers. */
export function VersionControls({ data, target, busy, onChange }: { data: View; target: number; busy: boolean; onChange: (version: number) => void }) {
  return (
    <div className="card">
      <div className="spread">
        <strong data-testid="time-travel-version">Version {data.version} of {data.length}</strong>
        <span className="muted mono">{busy && <span className="spinner" aria-hidden />} {data.streamId} · {data.streamType}</span>
      </div>
      <div className="row slider-row">
        <button type="button" className="secondary" aria-label="Previous version" onClick={() => onChange(target - 1)} disabled={target <= 0}>‹</button>
        <input type="range" aria-label="Version" min={0} max={data.length} step={1} value={target} onChange={(e) => onChange(Number(e.target.value))} />
        <button type="button" className="secondary" aria-label="Next version" onClick={() => onChange(target + 1)} disabled={target >= data.length}>›</button>
      </div>
      <p style={{ margin: ".4rem 0 0" }} data-testid="time-travel-event">
        {data.event ? (
          <>Event {data.version}: <Link href={eventHref(data.event.eventId)}>{data.event.type}</Link> <span className="muted">· {formatTime(data.event.recordedAt)}</span></>
        ) : <span className="muted">Version 0: before the first event, the reducer&apos;s initial state.</span>}
      </p>
    </div>
  );
}
