import { Suspense } from "react";
import { CustomerTable } from "~/components/admin/customers/customer-table";
import { HydrateClient, prefetch, trpc } from "~/trpc/server";

export default function CustomersPage() {
  prefetch(trpc.admin.customers.list.queryOptions());
  return (
    <HydrateClient>
      <h1>Customers</h1>
      <p className="muted">From the overview_users projection; spent counts confirmed and shipped orders.</p>
      <Suspense fallback={<p className="muted"><span className="spinner" aria-hidden /> Loading customers…</p>}>
        <CustomerTable />
      </Suspense>
    </HydrateClient>
  );
}
