import { EventDetail } from "~/components/admin/audit/event-detail";
import { HydrateClient, prefetchOrNotFound, trpc } from "~/trpc/server";

export default async function EventPage({ params }: { params: Promise<{ eventId: string }> }) {
  const { eventId } = await params;
  // Awaited, unlike the list pages: an unknown or malformed id answers 404. Another failed query is not sent to the
  // client, which then asks itself and shows the server's own message (a server-side error would reach it redacted).
  await prefetchOrNotFound(trpc.admin.audit.event.queryOptions({ eventId }));
  return (
    <HydrateClient>
      <EventDetail eventId={eventId} />
    </HydrateClient>
  );
}
