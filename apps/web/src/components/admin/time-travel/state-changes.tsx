import type { RouterOutputs } from "@chronicle/api";

type Change = RouterOutputs["admin"]["timeTravel"]["stream"]["changes"][number];

const show = (value: unknown) => (value === undefined ? "—" : JSON.stringify(value));

export function StateChanges({ changes }: { changes: Change[] }) {
  if (changes.length === 0) return <p className="muted">No changes at this version.</p>;
  return (
    <table data-testid="time-travel-changes">
      <thead><tr><th>Path</th><th>Before</th><th>After</th></tr></thead>
      <tbody>
        {changes.map((c) => (
          <tr key={c.path}>
            <td className="mono">{c.path || "(whole state)"}</td>
            <td className="mono"><span className="diff-before">{show(c.before)}</span></td>
            <td className="mono"><span className="diff-after">{show(c.after)}</span></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
