"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatTime } from "~/components/money";
import { messageOf } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";

/** Fulfillment commands the sender gave up on: dead letters (the domain refused) and parked ones (out of attempts). */
export function ParkedCommands() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data } = useQuery(trpc.admin.ops.parked.queryOptions(undefined, { refetchInterval: 5000 }));
  const retry = useMutation(trpc.admin.ops.retryParked.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.ops.parked.queryKey() }),
  }));
  if (!data) return null;
  if (data.length === 0) return <p className="muted small" data-testid="parked-commands">No parked commands or dead letters.</p>;
  return (
    <>
      {retry.error && <div className="alert" role="alert">{messageOf(retry.error)}</div>}
      <table data-testid="parked-commands">
        <thead><tr><th>Command</th><th>Why it stopped</th><th>Last error</th><th>Parked</th><th /></tr></thead>
        <tbody>
          {data.map((p) => (
            <tr key={p.commandId} data-testid={`parked-${p.commandId}`}>
              <td><strong>{p.command.type}</strong><div className="mono small">{p.commandId}</div></td>
              <td>{p.reason === "refused" ? <span className="badge failed">dead letter</span> : <span className="badge pending">{p.attempts} attempts</span>}
                <div className="small muted">{p.reason === "refused" ? "refused by the domain" : "kept failing"}</div></td>
              <td className="small field-error">{p.lastError ?? "—"}</td>
              <td className="small">{formatTime(p.parkedAt)}</td>
              <td><button type="button" className="secondary" disabled={retry.isPending} onClick={() => retry.mutate({ commandId: p.commandId })}>Retry</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
