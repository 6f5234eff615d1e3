"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { formatTime } from "~/components/money";
import { messageOf } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";

const bytes = (n: number) => (n < 1024 ? `${n} B` : n < 1024 ** 2 ? `${(n / 1024).toFixed(1)} KiB` : `${(n / 1024 ** 2).toFixed(1)} MiB`);
const duration = (ms: number) => (ms % 86_400_000 === 0 ? `${ms / 86_400_000} d` : ms % 60_000 === 0 ? `${ms / 60_000} min` : `${ms / 1000} s`);

/** The integration between the services: both relays, every stream and consumer, and the dead letters with retry. */
export function ServicesStatus() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data, error } = useQuery(trpc.admin.services.status.queryOptions(undefined, { refetchInterval: 2000, retry: false }));
  const retry = useMutation(trpc.admin.services.retryDeadLetter.mutationOptions({
    onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.services.status.queryKey() }),
  }));
  if (error) return <div className="alert" role="alert">{messageOf(error)}</div>;
  if (!data) return <p className="muted"><span className="spinner" aria-hidden /> Asking the services…</p>;
  const shipping = data.relays.shipping;
  const relays = [
    { name: "shop", status: data.relays.shop, error: null },
    { name: "shipping", status: shipping.ok ? shipping.value : null, error: shipping.ok ? null : shipping.error },
  ];
  return (
    <>
      <p className="muted">Transport: <strong data-testid="transport-kind">{data.transport === "nats" ? "NATS JetStream" : "in-process (embedded default)"}</strong></p>
      <h2>Relays (outbox → {data.transport === "nats" ? "JetStream" : "transport"})</h2>
      <table data-testid="relays">
        <thead><tr><th>Relay</th><th>State</th><th>Position</th><th>Backlog</th><th>Leader</th><th>Error</th></tr></thead>
        <tbody>
          {relays.map(({ name, status, error: failed }) => (
            <tr key={name} data-testid={`relay-${name}`}>
              <td><strong>{name}</strong></td>
              {status ? (
                <>
                  <td><span className={`badge ${status.state}`}>{status.state}</span></td>
                  <td className="mono">{status.position.txId}/{status.position.position}</td>
                  <td data-testid={`relay-${name}-backlog`}>{status.backlog}</td>
                  <td className="mono small">{status.leader ?? "—"}</td>
                  <td className="small field-error">{status.error?.message ?? "—"}</td>
                </>
              ) : (
                <td colSpan={5} className="field-error">{failed}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Streams</h2>
      <table data-testid="streams">
        <thead><tr><th>Stream</th><th>Subjects</th><th>Messages</th><th>Bytes</th><th>Sequences</th><th>Limits (age · messages · bytes · dedup window)</th></tr></thead>
        <tbody>
          {data.streams.map((s) => (
            <tr key={s.name}>
              <td><strong>{s.name}</strong></td>
              <td className="mono small">{s.subjects.join(", ")}</td>
              <td>{s.messages}</td>
              <td>{bytes(s.bytes)}</td>
              <td className="mono small">{s.firstSequence}…{s.lastSequence}</td>
              <td className="small">{duration(s.limits.maxAgeMs)} · {s.limits.maxMessages.toLocaleString("en")} · {bytes(s.limits.maxBytes)} · {duration(s.limits.duplicateWindowMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Consumers (inboxes)</h2>
      <table data-testid="consumers">
        <thead><tr><th>Consumer</th><th>Stream</th><th>Filter</th><th>Pending</th><th>Awaiting ack</th><th>Redelivered</th><th>Ack floor</th></tr></thead>
        <tbody>
          {data.consumers.map((c) => (
            <tr key={`${c.stream}:${c.name}`} data-testid={`consumer-${c.name}`}>
              <td><strong>{c.name}</strong></td>
              <td>{c.stream}</td>
              <td className="mono small">{c.filterSubject ?? "—"}</td>
              <td>{c.pending}</td>
              <td>{c.ackPending}</td>
              <td>{c.redelivered}</td>
              <td>{c.ackFloor}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Dead letters</h2>
      <p className="muted small">Messages a receiver refused every time it was given them. Retry publishes one again to its subject: its receiver handles it once, under its message id.</p>
      {retry.error && <div className="alert" role="alert">{messageOf(retry.error)}</div>}
      {data.deadLetters.length === 0 ? (
        <p className="muted small" data-testid="dead-letters">No dead letters.</p>
      ) : (
        <table data-testid="dead-letters">
          <thead><tr><th>Message</th><th>Consumer</th><th>Attempts</th><th>Last error</th><th>Dead since</th><th /></tr></thead>
          <tbody>
            {data.deadLetters.map((d) => (
              <tr key={d.id} data-testid={`dead-letter-${d.message.id}`}>
                <td><strong>{d.message.type}</strong><div className="mono small">{d.message.subject}</div><div className="mono small muted">{d.message.id}</div></td>
                <td>{d.consumer}</td>
                <td>{d.attempts}</td>
                <td className="small field-error">{d.error}</td>
                <td className="small">{formatTime(d.deadAt)}</td>
                <td><button type="button" className="secondary" disabled={retry.isPending} onClick={() => retry.mutate({ id: d.id })}>Retry</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
