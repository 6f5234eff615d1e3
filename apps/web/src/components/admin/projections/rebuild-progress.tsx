import type { ProjectionStatus, RebuildPhase } from "./rebuild-phase";

/** Rendered from the moment a rebuild is asked for, and kept at 100% once it has swapped in. */
export function RebuildProgress({ name, phase, progress }: { name: string; phase: RebuildPhase; progress: ProjectionStatus["rebuild"] }) {
  const done = phase === "done" ? 1 : progress ? progress.done : 0;
  const total = phase === "done" ? 1 : progress ? Math.max(progress.total, 1) : 1;
  const percent = Math.min(100, Math.floor((done / total) * 100));
  return (
    <div className="rebuild" data-testid={`rebuild-${name}`} aria-live="polite">
      <progress max={total} value={done} aria-label={`Rebuild of ${name}`} />
      <div className="small">
        {phase === "done" && <span className="notice-inline">100% · Rebuilt</span>}
        {phase === "waiting" && <span className="muted"><span className="spinner" aria-hidden /> {percent}% · waiting for the leader to start…</span>}
        {phase === "running" && progress && (
          <span>
            {percent}% · {progress.done}/{progress.total} events · {progress.ratePerSecond}/s
            {progress.etaSeconds !== null && ` · ETA ${progress.etaSeconds}s`}
          </span>
        )}
        {progress?.failed && <div className="field-error">Rebuild halted: {progress.failed}</div>}
      </div>
    </div>
  );
}
