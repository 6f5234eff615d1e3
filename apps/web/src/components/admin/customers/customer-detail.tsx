"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatMoney } from "~/components/money";
import { Personal } from "~/components/personal";
import { messageOf } from "~/components/trpc-error";
import { useTRPC } from "~/trpc/react";
import { isErased, streamIds } from "@chronicle/domain";
import { auditHref, timeTravelHref } from "../links";

/** Saves JSON as a file download in the browser. */
function download(name: string, value: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(value, null, 2)], { type: "application/json" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

export function CustomerDetail({ userId }: { userId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [after, setAfter] = useState<string | undefined>();
  const { data, error } = useQuery(trpc.admin.customers.get.queryOptions({ userId, ...(after && { after }) }, { retry: false }));
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const forget = useMutation(
    trpc.admin.customers.forget.mutationOptions({
      onSuccess: async (receipt) => {
        if (receipt.checkpoint) setAfter(receipt.checkpoint);
        await queryClient.invalidateQueries({ queryKey: trpc.admin.customers.pathKey() });
      },
    }),
  );
  if (error) return <div className="alert" role="alert">{messageOf(error)} · <Link href="/admin/customers">All customers</Link></div>;
  if (!data) return <p className="muted"><span className="spinner" aria-hidden /> Loading the customer…</p>;
  const { customer } = data;
  const forgotten = isErased(customer.name);
  const exportData = async () => {
    setExporting(true);
    setExportError(null);
    try {
      download(`customer-${userId}-personal-data.json`, await queryClient.fetchQuery(trpc.admin.customers.export.queryOptions({ userId }, { staleTime: 0 })));
    } catch (failure) {
      setExportError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setExporting(false);
    }
  };
  const confirmAndForget = () => {
    if (window.confirm(`Forget customer ${userId}? Their name and email are erased for good, their account is closed. Their orders stay.`)) {
      forget.mutate({ userId });
    }
  };
  return (
    <>
      <p className="muted"><Link href="/admin/customers">Customers</Link> / <span className="mono">{userId}</span></p>
      <h1 data-testid="customer-heading"><Personal value={customer.name} /></h1>
      <div className="card">
        <dl className="facts">
          <dt>User id</dt><dd className="mono">{customer.userId}</dd>
          <dt>Orders</dt><dd>{customer.orders}</dd>
          <dt>Spent</dt><dd>{formatMoney({ amount: customer.spent, currency: "EUR" })}</dd>
        </dl>
        <p className="row" style={{ margin: ".8rem 0 0" }}>
          <Link href={timeTravelHref(streamIds.user(userId))}>Time travel</Link>
          <Link href={auditHref({ streamId: streamIds.user(userId) })}>Their events in the audit log</Link>
        </p>
      </div>
      <h2>Personal data</h2>
      <p className="muted">
        The log keeps this customer&apos;s name and emails encrypted with a key of their own. Export gives everything the log holds about
        them; forgetting destroys the key, so those fields read as erased everywhere, and closes the account.
      </p>
      <p className="row">
        <button type="button" className="secondary" onClick={exportData} disabled={exporting} data-testid="export-data">
          {exporting ? "Exporting…" : "Export data"}
        </button>
        <button type="button" className="danger" onClick={confirmAndForget} disabled={forget.isPending || forgotten} data-testid="forget-customer">
          {forget.isPending ? "Forgetting…" : forgotten ? "Forgotten" : "Forget customer"}
        </button>
      </p>
      {exportError && <div className="alert" role="alert">{exportError}</div>}
      {forget.error && <div className="alert" role="alert">{messageOf(forget.error)}</div>}
      {forget.data && <p className="muted" role="status" data-testid="forget-result">Forgotten{forget.data.accountClosed ? "; the account is closed" : ""}.</p>}
    </>
  );
}
