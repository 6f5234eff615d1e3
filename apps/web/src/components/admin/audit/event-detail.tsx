"use client";
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatTime } from "~/components/money";
import { messageOf } from "~/components/trpc-error";
import { erasedFieldsOf, Personal } from "~/components/personal";
import { useTRPC } from "~/trpc/react";
import { auditHref, timeTravelHref } from "../links";
import { metaText } from "../metadata";
import { Causation } from "./causation";
import { DecisionPanel } from "../explain/decision-panel";

export function EventDetail({ eventId }: { eventId: string }) {
  const trpc = useTRPC();
  const { data, error } = useQuery(trpc.admin.audit.event.queryOptions({ eventId }, { retry: false }));
  if (error) return <div className="alert" role="alert">{messageOf(error)} · <Link href="/admin/audit">The audit log</Link></div>;
  if (!data) return <p className="muted"><span className="spinner" aria-hidden /> Loading the event…</p>;
  const { event, upcast } = data;
  const correlationId = metaText(event.metadata, "correlationId");
  return (
    <>
      <p className="muted"><Link href="/admin/audit">Audit log</Link> / <span className="mono">{event.eventId}</span></p>
      <h1 data-testid="event-type">{event.type}</h1>
      <div className="card">
        <dl className="facts">
          <dt>Stream</dt>
          <dd className="mono">
            <Link href={timeTravelHref(event.streamId, event.streamVersion)}>{event.streamId}</Link>
            {" · "}<Link href={auditHref({ streamId: event.streamId })}>its events</Link>
          </dd>
          <dt>Stream version</dt><dd>{event.streamVersion}</dd>
          <dt>Position</dt><dd className="mono">{event.position}</dd>
          <dt>Transaction id</dt><dd className="mono">{event.txId}</dd>
          <dt>Schema version</dt><dd>{event.schemaVersion}</dd>
          <dt>Recorded at</dt><dd>{formatTime(event.recordedAt)}</dd>
          <dt>Actor</dt><dd className="mono">{metaText(event.metadata, "actor") ?? "—"}</dd>
          <dt>Correlation id</dt>
          <dd className="mono">
            {correlationId ? <>{correlationId} · <Link className="plain-font" href={auditHref({ correlationId })}>filter the log by this correlation id</Link></> : "—"}
          </dd>
        </dl>
      </div>
      <div className="admin-columns">
        <div>
          <h2>Data (as stored, schema v{event.schemaVersion})</h2>
          {erasedFieldsOf(event.data).length > 0 && (
            <p data-testid="event-erased"><Personal value={{ erased: true }} /> {erasedFieldsOf(event.data).join(", ")}: the person was forgotten, their key destroyed</p>
          )}
          <pre className="json" data-testid="event-data">{JSON.stringify(event.data, null, 2)}</pre>
        </div>
        <div>
          <h2>Metadata</h2>
          <pre className="json" data-testid="event-metadata">{JSON.stringify(event.metadata, null, 2)}</pre>
        </div>
      </div>
      <h2>Upcast</h2>
      <p className="muted" data-testid="event-upcast">{upcast.note}</p>
      {upcast.current && (
        <>
          <p>As the code reads it today (schema v{upcast.current.schemaVersion}):</p>
          <pre className="json">{JSON.stringify(upcast.current.data, null, 2)}</pre>
        </>
      )}
      <Causation cause={data.cause} caused={data.caused} command={{ id: metaText(event.metadata, "commandId"), type: metaText(event.metadata, "commandType") }} />
      <h2>Why did this happen, and would it happen again?</h2>
      <DecisionPanel eventId={event.eventId} />
    </>
  );
}
