"use client";
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { RouterOutputs } from "@chronicle/api";

type Day = RouterOutputs["admin"]["dashboard"]["summary"]["sales"][number];

const euros = (minor: number) => minor / 100;

/** Orders as bars (left axis), revenue in EUR as a line (right axis); days come in minor units per currency. */
export function SalesChart({ sales }: { sales: Day[] }) {
  if (sales.length === 0) return <p className="muted">No sales yet.</p>;
  const data = sales.map((d) => ({ day: d.day, orders: d.orders, revenue: euros(d.revenue.EUR ?? 0) }));
  return (
    <div style={{ width: "100%", height: 280 }} data-testid="sales-chart">
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e4e2dc" vertical={false} />
          <XAxis dataKey="day" tick={{ fontSize: 12 }} />
          <YAxis yAxisId="orders" allowDecimals={false} tick={{ fontSize: 12 }} width={40} />
          <YAxis yAxisId="revenue" orientation="right" tick={{ fontSize: 12 }} width={70} tickFormatter={(v: number) => `€${v}`} />
          <Tooltip formatter={(value, name) => (name === "Revenue (EUR)" ? `€${Number(value).toFixed(2)}` : value)} />
          <Legend />
          <Bar yAxisId="orders" dataKey="orders" name="Orders" fill="#2f5d50" radius={[4, 4, 0, 0]} maxBarSize={48} />
          <Line yAxisId="revenue" dataKey="revenue" name="Revenue (EUR)" stroke="#9a5b00" strokeWidth={2} dot />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
