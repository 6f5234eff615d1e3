"use client";
import { Bar, BarChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/** Minutes without events are absent from the query: they are filled with zeros so the hour reads as a timeline. */
export function EventsChart({ perMinute }: { perMinute: { minute: string; events: number }[] }) {
  if (perMinute.length === 0) return <p className="muted">No events in the last hour.</p>;
  const counts = new Map(perMinute.map((m) => [m.minute, m.events]));
  const last = Date.parse(perMinute[perMinute.length - 1]!.minute);
  const data = Array.from({ length: 60 }, (_, i) => {
    const minute = new Date(last - (59 - i) * 60_000).toISOString().slice(0, 16) + "Z";
    return { minute: minute.slice(11, 16), events: counts.get(minute) ?? 0 };
  });
  return (
    <div style={{ width: "100%", height: 180 }} data-testid="events-chart">
      <ResponsiveContainer>
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <XAxis dataKey="minute" tick={{ fontSize: 11 }} interval={9} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={36} />
          <Tooltip labelFormatter={(label) => `${String(label)} UTC`} />
          <Bar dataKey="events" name="Events" fill="#2f5d50" />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
