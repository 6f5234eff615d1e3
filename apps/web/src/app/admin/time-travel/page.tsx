import { StreamForm } from "~/components/admin/time-travel/stream-form";
import { TimeTravelView } from "~/components/admin/time-travel/time-travel-view";
import { getQueryClient, HydrateClient, trpc } from "~/trpc/server";

type Search = Promise<{ stream?: string; version?: string }>;

export default async function TimeTravelPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const streamId = params.stream?.trim() || undefined;
  const parsed = params.version !== undefined && /^\d+$/.test(params.version) ? Number(params.version) : undefined;
  // Awaited, unlike the list pages: a stream id in the URL fails here, and a failed query is not sent to the client,
  // which then asks itself and shows the server's own message (a server-side error would reach it redacted).
  if (streamId) await getQueryClient().prefetchQuery(trpc.admin.timeTravel.stream.queryOptions({ streamId, version: parsed }));
  return (
    <HydrateClient>
      <h1>Time travel</h1>
      <p className="muted">
        Replays any stream of the log: a shop stream through its own decider (the state the command handler saw at any
        version), any other stream through a generic fold; and compares any two versions.
      </p>
      <StreamForm streamId={streamId} />
      {streamId ? (
        <TimeTravelView key={streamId} streamId={streamId} initialVersion={parsed} />
      ) : (
        <p className="muted">Enter a stream id such as <span className="mono">product-…</span>, <span className="mono">cart-&lt;user id&gt;</span>, <span className="mono">order-…</span>, <span className="mono">user-…</span> or an operations stream such as <span className="mono">projection-orders</span>; every stream links here from the audit log.</p>
      )}
    </HydrateClient>
  );
}
