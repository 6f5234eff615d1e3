import { EventDetail } from "~/components/admin/audit/event-detail";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

export default async function EventPage({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  // Awaited, unlike the list pages: a bad id in the URL fails here, and a failed query is not sent to the client,
  // which then asks itself and shows the server's own message (a server-side error would reach it redacted).
  await getQueryClient().prefetchQuery(trpc.admin.audit.event.queryOptions({ eventId }));
  return (
    <HydrateClient>
      <EventDetail eventId={eventId} />
    </HydrateClient>
  );
}
