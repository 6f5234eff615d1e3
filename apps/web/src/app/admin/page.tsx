import { Suspense } from "react";
import { Dashboard } from "~/components/admin/dashboard/dashboard";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export default function AdminDashboardPage() {
  prefetch(trpc.admin.dashboard.summary.queryOptions());
  return (
    <HydrateClient>
      <h1>Dashboard</h1>
      <Suspense fallback={<p className="muted"><span className="spinner" aria-hidden /> Loading the dashboard…</p>}>
        <Dashboard />
      </Suspense>
    </HydrateClient>
  );
}
