import { Suspense } from "react";
import { AuditFilters } from "~/components/admin/audit/audit-filters";
import { AUDIT_PAGE_SIZE, auditSearchOf, filterOf } from "~/components/admin/audit/audit-search";
import { AuditTable } from "~/components/admin/audit/audit-table";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const search = auditSearchOf(params);
  const cursor = typeof params.cursor === "string" && params.cursor ? params.cursor : undefined;
  prefetch(trpc.admin.audit.eventTypes.queryOptions());
  prefetch(trpc.admin.audit.list.queryOptions({ filter: filterOf(search), cursor, limit: AUDIT_PAGE_SIZE }));
  return (
    <HydrateClient>
      <h1>Audit log</h1>
      <p className="muted">Every event in the log, newest first. Times are UTC.</p>
      <Suspense fallback={<p className="muted">Loading the filters…</p>}>
        <AuditFilters search={search} />
      </Suspense>
      <Suspense fallback={<p className="muted"><span className="spinner" aria-hidden /> Loading events…</p>}>
        <AuditTable search={search} cursor={cursor} />
      </Suspense>
    </HydrateClient>
  );
}
