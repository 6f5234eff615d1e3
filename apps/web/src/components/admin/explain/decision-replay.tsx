import type { RouterOutputs } from "@chronicle/api";
import { StateChanges } from "../time-travel/state-changes";

type Replay = RouterOutputs["admin"]["explain"]["replay"];

/** Then (the recorded events) and now (what today's deciders decide on the same states), stream by stream. */
export function DecisionReplay({ replay }: { replay: Replay }) {
  return (
    <div data-testid="decision-replay">
      <p>
        <span className={`badge ${replay.same ? "running" : "failed"}`} data-testid="replay-verdict">{replay.same ? "same" : "different"}</span>{" "}
        {replay.same ? "Today's deciders decide exactly the recorded events." : "Today's deciders decide differently from what was recorded."}
      </p>
      {replay.refused && <div className="alert" role="alert">Today&apos;s code refuses the command: {replay.refused.code} — {replay.refused.message}</div>}
      <p className="small muted">
        Read as then:{" "}
        {replay.read.map((r) => <span key={r.streamId} className="mono">{r.streamId} v{r.version}{r.recorded ? "" : " (not read then)"} · </span>)}
      </p>
      {replay.streams.map((s) => (
        <div key={s.streamId} className="card" style={{ marginBottom: ".8rem" }} data-testid={`replay-${s.streamId}`}>
          <div className="spread">
            <strong className="mono">{s.streamId}</strong>
            <span className={`badge ${s.same ? "running" : "failed"}`}>{s.same ? "same" : "different"}</span>
          </div>
          <div className="admin-columns">
            <div>
              <h3 className="small muted">Then (recorded)</h3>
              <pre className="json">{JSON.stringify(s.then, null, 2)}</pre>
            </div>
            <div>
              <h3 className="small muted">Now (today&apos;s decider)</h3>
              <pre className="json">{JSON.stringify(s.now, null, 2)}</pre>
            </div>
          </div>
          {!s.same && <StateChanges changes={[...s.changes]} />}
        </div>
      ))}
    </div>
  );
}
