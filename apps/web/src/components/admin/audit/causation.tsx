import Link from "next/link";
import type { RouterOutputs } from "@chronicle/api";
import { formatTime } from "~/components/money";
import { eventHref } from "../links";

type Detail = RouterOutputs["admin"]["audit"]["event"];

/** Why the event happened (its cause) and what happened because of it (events whose causation is this one). */
interface Props {
  cause: Detail["cause"];
  caused: Detail["caused"];
  /** From the metadata: the command that made the event, when no event caused it. */
  command: { id: string | null; type: string | null };
}

export function Causation({ cause, caused, command }: Props) {
  return (
    <div className="admin-columns">
      <div>
        <h2>Caused by</h2>
        <div className="card" data-testid="event-cause">
          {cause ? (
            <p style={{ margin: 0 }}><Link href={eventHref(cause.eventId)}>{cause.type}</Link> on <span className="mono">{cause.streamId}</span> v{cause.streamVersion}</p>
          ) : command.id ? (
            <p style={{ margin: 0 }}>the command {command.type ?? ""} <span className="mono">{command.id}</span></p>
          ) : (
            <p className="muted" style={{ margin: 0 }}>No cause recorded.</p>
          )}
        </div>
      </div>
      <div>
        <h2>Caused</h2>
        <div className="card" data-testid="event-caused">
          {caused.length === 0 ? <p className="muted" style={{ margin: 0 }}>Nothing so far.</p> : (
            <ul className="plain">
              {caused.map((e) => (
                <li key={e.eventId}>
                  <Link href={eventHref(e.eventId)}>{e.type}</Link> on <span className="mono">{e.streamId}</span>{" "}
                  <span className="muted">· {formatTime(e.recordedAt)}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
