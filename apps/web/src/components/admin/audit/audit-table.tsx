"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatTime } from "~/components/money";
import { erasedFieldsOf, Personal } from "~/components/personal";
import { useTRPC } from "~/trpc/react";
import { auditHref, eventHref, timeTravelHref } from "../links";
import { metaText } from "../metadata";
import { AUDIT_PAGE_SIZE, filterOf, type AuditSearch } from "./audit-search";

export function AuditTable({ search, cursor }: { search: AuditSearch; cursor?: string }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.admin.audit.list.queryOptions({ filter: filterOf(search), cursor, limit: AUDIT_PAGE_SIZE }));
  const pager = (
    <div className="row pager">
      {cursor && <Link className="button secondary" href={auditHref({ ...search })}>« Newest</Link>}
      {data.next && <Link className="button secondary" href={auditHref({ ...search, cursor: data.next })}>Older →</Link>}
    </div>
  );
  if (data.events.length === 0) return <p className="muted" data-testid="audit-empty">No events match these filters.</p>;
  return (
    <>
      {pager}
      <table data-testid="audit-table">
        <thead><tr><th>Recorded</th><th>Type</th><th>Stream</th><th>Version</th><th>Actor</th><th>Correlation</th><th>Personal data</th><th /></tr></thead>
        <tbody>
          {data.events.map((e) => {
            const correlationId = metaText(e.metadata, "correlationId");
            return (
              <tr key={e.eventId} data-testid="audit-row">
                <td>{formatTime(e.recordedAt)}</td>
                <td>{e.type}</td>
                <td className="mono small"><Link href={timeTravelHref(e.streamId, e.streamVersion)}>{e.streamId}</Link></td>
                <td>{e.streamVersion}</td>
                <td className="mono">{metaText(e.metadata, "actor") ?? "—"}</td>
                <td className="mono small">
                  {correlationId ? <Link href={auditHref({ correlationId })} title="Show every event of this correlation">{correlationId}</Link> : "—"}
                </td>
                <td>{erasedFieldsOf(e.data).length > 0 ? <Personal value={{ erased: true }} /> : null}</td>
                <td className="nowrap"><Link href={eventHref(e.eventId)}>Event →</Link></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {pager}
    </>
  );
}
