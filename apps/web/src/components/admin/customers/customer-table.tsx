"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import Link from "next/link";
import { formatMoney } from "~/components/money";
import { Personal } from "~/components/personal";
import { useTRPC } from "~/trpc/react";
import { streamIds } from "@chronicle/domain";
import { provenanceHref, timeTravelHref } from "../links";

export function CustomerTable() {
  const trpc = useTRPC();
  const { data: customers } = useSuspenseQuery(trpc.admin.customers.list.queryOptions());
  if (customers.length === 0) return <p className="muted">No customers yet.</p>;
  return (
    <table data-testid="customers-table">
      <thead><tr><th>Name</th><th>User id</th><th>Orders</th><th>Spent</th><th>Explain</th></tr></thead>
      <tbody>
        {customers.map((c) => (
          <tr key={c.userId} data-testid={`customer-${c.userId}`}>
            <td data-testid="customer-name"><Link href={`/admin/customers/${encodeURIComponent(c.userId)}`}><Personal value={c.name} /></Link></td>
            <td className="mono">{c.userId}</td>
            <td>{c.orders}</td>
            <td>{formatMoney({ amount: c.spent, currency: "EUR" })}</td>
            <td>
              <span className="row">
                <Link href={timeTravelHref(streamIds.user(c.userId))}>Time travel</Link>
                <Link href={provenanceHref("overview_users", c.userId)}>Provenance</Link>
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
