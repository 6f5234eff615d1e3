import Link from "next/link";
import type { RouterOutputs } from "@chronicle/api";

type Status = RouterOutputs["admin"]["projections"]["status"][number];

export function ProjectionHealth({ projections }: { projections: Status[] }) {
  return (
    <div className="card">
      <ul className="plain">
        {projections.map((p) => (
          <li key={p.name} className="spread" data-testid={`health-${p.name}`}>
            <span className="mono">{p.name}</span>
            <span>
              <span className={`badge ${p.state}`}>{p.state.replace("_", " ")}</span>{" "}
              <span className="muted">lag {p.lag}{p.waiting > 0 && ` + ${p.waiting} waiting`}</span>
            </span>
          </li>
        ))}
      </ul>
      <p style={{ margin: ".6rem 0 0" }}><Link href="/admin/projections">Manage projections →</Link></p>
    </div>
  );
}
