"use client";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useState } from "react";
import { messageOf } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import { ProjectionRow } from "./projection-row";
import { rebuildPhase } from "./rebuild-phase";

/** Polls fast while a rebuild runs or was asked for, slowly otherwise (lag and leaders still move). */
const FAST_MS = 500;
const SLOW_MS = 5000;

export function ProjectionTable() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // When this page asked for each rebuild: a status read after that moment without a rebuild means it finished.
  const [requested, setRequested] = useState<Record<string, number>>({});
  const status = useSuspenseQuery(
    trpc.admin.projections.status.queryOptions(undefined, {
      refetchInterval: (query) => {
        const phases = (query.state.data ?? []).map((p) => rebuildPhase(p, requested[p.name], query.state.dataUpdatedAt));
        return phases.some((phase) => phase === "running" || phase === "waiting") ? FAST_MS : SLOW_MS;
      },
    }),
  );
  const refresh = () => queryClient.refetchQueries({ queryKey: trpc.admin.projections.status.queryKey() }, { cancelRefetch: true });
  const rebuild = useMutation(
    trpc.admin.projections.rebuild.mutationOptions({
      onSuccess: async (_r, { name }) => {
        setRequested((r) => ({ ...r, [name]: Date.now() }));
        await refresh();
      },
    }),
  );
  const retry = useMutation(trpc.admin.projections.retry.mutationOptions({ onSuccess: refresh }));
  const skip = useMutation(trpc.admin.projections.skip.mutationOptions({ onSuccess: refresh }));
  const error = rebuild.error ?? retry.error ?? skip.error;
  const busy = rebuild.isPending || retry.isPending || skip.isPending;
  return (
    <>
      {error && <div className="alert" role="alert" style={{ marginBottom: "1rem" }}>{messageOf(error)}</div>}
      <table data-testid="projections-table">
        <thead>
          <tr><th>Projection</th><th>State</th><th>Checkpoint</th><th>Lag</th><th>Leader</th><th>Last error</th><th>Skipped</th><th>Actions</th></tr>
        </thead>
        <tbody>
          {status.data.map((p) => (
            <ProjectionRow
              key={p.name}
              status={p}
              phase={rebuildPhase(p, requested[p.name], status.dataUpdatedAt)}
              busy={busy}
              onRebuild={() => rebuild.mutate({ name: p.name })}
              onRetry={() => retry.mutate({ name: p.name })}
              onSkip={() => skip.mutate({ name: p.name })}
            />
          ))}
        </tbody>
      </table>
    </>
  );
}
