import { Suspense } from "react";
import { ROW_SOURCES } from "@chronicle/projections/row-sources";
import { ProjectionTable } from "~/components/admin/projections/projection-table";
import { ParkedCommands } from "~/components/admin/projections/parked-commands";
import { ProvenanceForm } from "~/components/admin/projections/provenance-form";
import { ReadHold } from "~/components/admin/projections/read-hold";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Search = Promise<{ projection?: string; key?: string }>;

export default async function ProjectionsPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const projection = ROW_SOURCES.find((s) => s === params.projection);
  const key = params.key?.trim() || undefined;
  prefetch(trpc.admin.projections.status.queryOptions());
  return (
    <HydrateClient>
      <h1>Projections</h1>
      <p className="muted">Read models kept from the log by the worker services. Times are UTC.</p>
      <Suspense fallback={<p className="muted"><span className="spinner" aria-hidden /> Loading projections…</p>}>
        <ProjectionTable />
      </Suspense>
      <h2>What holds readers back</h2>
      <ReadHold />
      <h2>Parked commands and dead letters</h2>
      <p className="muted small">Commands of the fulfillment process its sender gave up on. Retry sends one again with its own command id.</p>
      <ParkedCommands />
      <h2 id="provenance">Why is this row like this?</h2>
      <ProvenanceForm initial={projection && key ? { projection, key } : undefined} />
    </HydrateClient>
  );
}
