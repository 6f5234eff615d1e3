import { Suspense } from "react";
import { StreamForm } from "~/components/admin/time-travel/stream-form";
import { TimeTravelView } from "~/components/admin/time-travel/time-travel-view";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

type Search = Promise<{ stream?: string; version?: string }>;

export default async function TimeTravelPage({ searchParams }: { searchParams: Search }) {
  const params = await searchParams;
  const streamId = params.stream?.trim() || undefined;
  const parsed = params.version !== undefined && /^\d+$/.test(params.version) ? Number(params.version) : undefined;
  if (streamId) prefetch(trpc.admin.timeTravel.stream.queryOptions({ streamId, version: parsed }));
  return (
    <HydrateClient>
      <h1>Time travel</h1>
      <p className="muted">Replays a stream&apos;s events through its own reducer: the state the command handler saw at any version.</p>
      <StreamForm streamId={streamId} />
      {streamId ? (
        <Suspense key={streamId} fallback={<p className="muted"><span className="spinner" aria-hidden /> Replaying {streamId}…</p>}>
          <TimeTravelView key={streamId} streamId={streamId} initialVersion={parsed} />
        </Suspense>
      ) : (
        <p className="muted">Enter a stream id such as <span className="mono">product-…</span>, <span className="mono">cart-&lt;user id&gt;</span>, <span className="mono">order-…</span> or <span className="mono">user-…</span>; every stream links here from the audit log.</p>
      )}
    </HydrateClient>
  );
}
