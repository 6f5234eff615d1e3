"use client";
import { useSuspenseQuery } from "@tanstack/react-query";
import { formatMoney } from "~/components/money";
import { useTRPC } from "~/trpc/react";
import { EventsChart } from "./events-chart";
import { ProjectionHealth } from "./projection-health";
import { SalesChart } from "./sales-chart";
import { SUMMARY_INPUT } from "./summary-input";

export function Dashboard() {
  const trpc = useTRPC();
  // One round trip for the whole page; refreshed while it is open so the live figures stay live.
  const { data } = useSuspenseQuery(trpc.admin.dashboard.summary.queryOptions(SUMMARY_INPUT, { refetchInterval: 5000 }));
  const orders = data.sales.reduce((sum, day) => sum + day.orders, 0);
  const revenue = data.sales.reduce((sum, day) => sum + (day.revenue.EUR ?? 0), 0);
  const eventsLastHour = data.eventsPerMinute.reduce((sum, m) => sum + m.events, 0);
  const healthy = data.projections.filter((p) => p.state === "running").length;
  return (
    <>
      <div className="stats">
        <Stat label="Orders" value={String(orders)} note="counted while not cancelled or rejected" />
        <Stat label="Revenue" value={formatMoney({ amount: revenue, currency: "EUR" })} note={`over ${data.sales.length} day(s) with sales`} />
        <Stat label="Events, last hour" value={String(eventsLastHour)} note="appended to the log" />
        <Stat label="Projections running" value={`${healthy} / ${data.projections.length}`} note="the others lag, rebuild or halted" />
      </div>
      <h2>Orders and revenue per day</h2>
      <div className="card"><SalesChart sales={data.sales} /></div>
      <div className="admin-columns">
        <div>
          <h2>Events per minute (last hour)</h2>
          <div className="card"><EventsChart perMinute={data.eventsPerMinute} /></div>
        </div>
        <div>
          <h2>Projection health</h2>
          <ProjectionHealth projections={data.projections} />
        </div>
      </div>
    </>
  );
}

function Stat({ label, value, note }: { label: string; value: string; note: string }) {
  return (
    <div className="card stat">
      <div className="muted">{label}</div>
      <div className="value">{value}</div>
      <div className="muted small">{note}</div>
    </div>
  );
}
