// The session's incidents, newest first; the ones the server recorded itself are marked.
import { formatZonedShort } from "../../../common/time-zones";
import { incidentCategoryLabel } from "./format";
import type { ConsoleCandidateView, IncidentView } from "../../../common/schemas/delivery";

/** `timeZone`: the session's center's, where the incidents happened. */
export function IncidentList({ incidents, candidates, timeZone }: { incidents: IncidentView[]; candidates: ConsoleCandidateView[]; timeZone: string }) {
  if (incidents.length === 0) return <p>No incidents recorded in this session.</p>;
  const names = new Map(candidates.map((c) => [c.registrationId, c.name]));
  const sorted = [...incidents].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return (
    <ul className="records console-incidents">
      {sorted.map((incident) => (
        <li key={incident.id} className="card">
          <div className="record__head">
            <h4>{incidentCategoryLabel(incident.category)}</h4>
            {incident.automatic ? <span className="badge badge--muted">Recorded automatically</span> : null}
          </div>
          <dl className="details-list">
            <dt>When</dt>
            <dd>
              <time dateTime={incident.occurredAt}>{formatZonedShort(incident.occurredAt, timeZone)}</time>
              {incident.endedAt ? (
                <>
                  {" "}
                  until <time dateTime={incident.endedAt}>{formatZonedShort(incident.endedAt, timeZone)}</time>
                </>
              ) : null}
            </dd>
            {incident.registrationId ? (
              <>
                <dt>Candidate</dt>
                <dd>{names.get(incident.registrationId) ?? "A candidate no longer on the roster"}</dd>
              </>
            ) : null}
            <dt>What happened</dt>
            <dd className="pre-line">{incident.narrative}</dd>
            {incident.actionTaken ? (
              <>
                <dt>Action taken</dt>
                <dd className="pre-line">{incident.actionTaken}</dd>
              </>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
