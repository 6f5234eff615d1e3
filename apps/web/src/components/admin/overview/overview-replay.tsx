"use client";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import type { OverviewCheckStep } from "@chronicle/api";
import { messageOf } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import { OverviewTable } from "./overview-table";

type Done = Extract<OverviewCheckStep, { kind: "done" }>;

/** One replay of the log, followed live over server-sent events; remounted (a new key) to replay again. */
function OverviewRun() {
  const trpc = useTRPC();
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<Done | null>(null);
  const subscription = useSubscription(trpc.admin.overview.replay.subscriptionOptions(undefined, {
    onData: (step) => (step.kind === "progress" ? setProgress({ done: step.done, total: step.total }) : setResult(step)),
  }));
  const percent = progress ? Math.floor((progress.done / Math.max(progress.total, 1)) * 100) : 0;
  return (
    <>
      <div className="card" data-testid="overview-progress" aria-live="polite">
        <progress max={Math.max(progress?.total ?? 1, 1)} value={progress?.done ?? 0} aria-label="Replay of the log" />
        <div className="small">
          {result ? `100% · replayed ${result.events} events up to ${result.head}`
            : progress ? `${percent}% · ${progress.done}/${progress.total} events folded`
            : <span className="muted"><span className="spinner" aria-hidden /> Starting the replay…</span>}
        </div>
      </div>
      {subscription.error && <div className="alert" role="alert">{messageOf(subscription.error)}</div>}
      {result && (
        <>
          <p data-testid="overview-agree">
            <span className={`badge ${result.agree ? "running" : "failed"}`}>{result.agree ? "They agree" : "They differ"}</span>{" "}
            {result.agree ? "The projections hold exactly what the replay of the log folds."
              : result.movedOn ? "Events were appended during the replay: the projections may already show them. Replay again."
              : !result.fresh ? "The projections had not reached the replay's point of the log yet: see the projections page."
              : "The projections differ from the log's replay: rebuild them on the projections page."}
          </p>
          <div className="admin-columns">
            <div>
              <h2>Replayed from the log</h2>
              <OverviewTable overview={result.fromLog} testId="overview-log" />
            </div>
            <div>
              <h2>From the projections</h2>
              <OverviewTable overview={result.fromProjections} testId="overview-projections" />
            </div>
          </div>
        </>
      )}
    </>
  );
}

export function OverviewReplay() {
  const [run, setRun] = useState(1);
  return (
    <>
      <p><button type="button" className="secondary" onClick={() => setRun((n) => n + 1)}>Replay again</button></p>
      <OverviewRun key={run} />
    </>
  );
}
