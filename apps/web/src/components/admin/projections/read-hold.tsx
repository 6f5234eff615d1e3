"use client";
import { useQuery } from "@tanstack/react-query";
import { formatTime } from "~/components/money";
import { useTRPC } from "~/trpc/react";

/** Which open transaction holds readers (and so every projection) back, and how many committed events wait for it. */
export function ReadHold() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.admin.ops.readHold.queryOptions(undefined, { refetchInterval: 3000 }));
  if (!data) return null;
  if (data.blockers.length === 0) {
    return <p className="muted small" data-testid="read-hold">Nothing holds readers back: every committed event can be read.</p>;
  }
  return (
    <div className="card" data-testid="read-hold">
      <div className="alert" role="alert" style={{ marginBottom: ".6rem" }}>
        {data.waiting} committed event(s) wait for {data.blockers.length === 1 ? "this transaction" : "these transactions"} to end: readers
        read only below the oldest transaction still running, so the lag above cannot shrink until then.
      </div>
      <table>
        <thead><tr><th>pid</th><th>Database</th><th>Application</th><th>State</th><th>Open for</th><th>Its query (first line)</th></tr></thead>
        <tbody>
          {data.blockers.map((b) => (
            <tr key={b.txId}>
              <td className="mono nowrap">{b.pid ?? "?"}</td>
              <td className="mono">{b.database ?? "?"}</td>
              <td>{b.application || "—"}</td>
              <td>{b.state ?? "?"}</td>
              <td title={b.transactionStartedAt ? `since ${formatTime(b.transactionStartedAt)}` : undefined}>{b.ageSeconds === null ? "?" : `${b.ageSeconds} s`}</td>
              <td className="mono small">{b.query ?? <span className="muted">not visible to this role</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
