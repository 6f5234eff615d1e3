"use client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { messageOf } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import { DownloadSpec } from "../explain/download-spec";
import { isShopStream } from "../links";
import { StateChanges } from "./state-changes";

/** Any two versions of the stream side by side, every difference between them, and the slice as a reducer test. */
export function CompareVersions({ streamId, length, version }: { streamId: string; length: number; version: number }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [from, setFrom] = useState(Math.max(0, version - 1));
  const [to, setTo] = useState(version);
  const [asked, setAsked] = useState<{ from: number; to: number } | null>(null);
  const compared = useQuery(trpc.admin.timeTravel.compare.queryOptions({ streamId, ...(asked ?? { from: 0, to: 0 }) }, { enabled: asked !== null, retry: false }));
  const clamp = (v: number) => Math.max(0, Math.min(length, Number.isFinite(v) ? Math.trunc(v) : 0));
  const sliceFrom = Math.max(1, Math.min(from, to));
  const sliceTo = Math.max(from, to);
  return (
    <div className="card" data-testid="compare-versions">
      <form className="row" onSubmit={(e) => (e.preventDefault(), setAsked({ from, to }))}>
        <label className="row">From version <input type="number" min={0} max={length} value={from} onChange={(e) => setFrom(clamp(e.target.valueAsNumber))} style={{ width: "5rem" }} /></label>
        <label className="row">To version <input type="number" min={0} max={length} value={to} onChange={(e) => setTo(clamp(e.target.valueAsNumber))} style={{ width: "5rem" }} /></label>
        <button type="submit">Compare</button>
        {isShopStream(streamId) && sliceTo >= 1 && (
          <DownloadSpec
            label={`Export versions ${sliceFrom}..${sliceTo} as a reducer test`}
            testId="download-slice-spec"
            load={() => queryClient.fetchQuery(trpc.admin.explain.exportSlice.queryOptions({ streamId, from: sliceFrom, to: sliceTo }, { staleTime: 0 }))}
          />
        )}
      </form>
      {compared.error && <div className="alert" role="alert">{messageOf(compared.error)}</div>}
      {compared.data && (
        <>
          <h3 data-testid="compare-title" style={{ marginTop: "1rem" }}>Version {compared.data.from.version} → version {compared.data.to.version}: {compared.data.changes.length} difference(s)</h3>
          <div data-testid="compare-changes"><StateChanges changes={[...compared.data.changes]} /></div>
          <div className="admin-columns">
            <div>
              <h3 className="small muted">At version {compared.data.from.version}</h3>
              <pre className="json" data-testid="compare-from">{JSON.stringify(compared.data.from.state, null, 2)}</pre>
            </div>
            <div>
              <h3 className="small muted">At version {compared.data.to.version}</h3>
              <pre className="json" data-testid="compare-to">{JSON.stringify(compared.data.to.state, null, 2)}</pre>
            </div>
          </div>
        </>
      )}
    </div>
  );
}
