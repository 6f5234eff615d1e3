import { Suspense } from "react";
import { Dashboard } from "~/components/admin/dashboard/dashboard";
import { SUMMARY_INPUT } from "~/components/admin/dashboard/summary-input";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export default function AdminDashboardPage() {
  prefetch(trpc.admin.dashboard.summary.queryOptions(SUMMARY_INPUT));
  return (
    <HydrateClient>
      <h1>Dashboard</h1>
      <Suspense fallback={<p className="muted"><span className="spinner" aria-hidden /> Loading the dashboard…</p>}>
        <Dashboard />
      </Suspense>
    </HydrateClient>
  );
}
