"use client";
import Link from "next/link";
import { formatTime } from "~/components/money";
import { eventHref } from "../links";
import { RebuildProgress } from "./rebuild-progress";
import type { ProjectionStatus, RebuildPhase } from "./rebuild-phase";

interface Props {
  status: ProjectionStatus;
  phase: RebuildPhase;
  busy: boolean;
  onRebuild: () => void;
  onRetry: () => void;
  onSkip: () => void;
}

export function ProjectionRow({ status: p, phase, busy, onRebuild, onRetry, onSkip }: Props) {
  const failed = p.state === "failed";
  return (
    <tr data-testid={`projection-${p.name}`}>
      <td className="mono">{p.name}</td>
      <td><span className={`badge ${p.state}`}>{p.state.replace("_", " ")}</span></td>
      <td className="mono" title="transaction id / position">{p.checkpoint.txId}/{p.checkpoint.position}</td>
      <td>
        {p.lag}
        {p.waiting > 0 && <div className="small field-error" data-testid={`waiting-${p.name}`}>+{p.waiting} waiting on an open transaction</div>}
      </td>
      <td className="mono small" title={p.heartbeatAt ? `last heartbeat ${formatTime(p.heartbeatAt)}` : "no live leader"}>{p.leader ?? "—"}</td>
      <td className="small">
        {p.error ? (
          <>
            <div className="field-error">{p.error.message}</div>
            {p.error.eventId && <Link href={eventHref(p.error.eventId)}>the failing event</Link>}
            {p.error.position !== null && <span className="muted"> at position {p.error.position}</span>}
          </>
        ) : "—"}
      </td>
      <td>{p.skipped}</td>
      <td>
        <div className="row compact">
          <button type="button" className="secondary" onClick={onRebuild} disabled={busy || phase === "running" || phase === "waiting"}>Rebuild</button>
          {failed && <button type="button" onClick={onRetry} disabled={busy}>Retry</button>}
          {failed && <button type="button" className="danger" onClick={onSkip} disabled={busy} title="Pass over the failing event (recorded in the log)">Skip</button>}
        </div>
        {phase !== "none" && <RebuildProgress name={p.name} phase={phase} progress={p.rebuild} />}
      </td>
    </tr>
  );
}
