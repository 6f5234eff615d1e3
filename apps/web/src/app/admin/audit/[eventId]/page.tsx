import { Suspense } from "react";
import { EventDetail } from "~/components/admin/audit/event-detail";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export default async function EventPage({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  prefetch(trpc.admin.audit.event.queryOptions({ eventId }));
  return (
    <HydrateClient>
      <Suspense fallback={<p className="muted"><span className="spinner" aria-hidden /> Loading the event…</p>}>
        <EventDetail eventId={eventId} />
      </Suspense>
    </HydrateClient>
  );
}
