// The live roster: one <tbody> per candidate, whose name heads the group (scope="rowgroup") and
// whose rows are the modules they registered for. Not a live region: it changes every second.
import { TableRegion } from "../../components/table-region";
import { adjustmentLabel } from "../accommodations/labels";
import { AttemptActions, type AttemptActionKind } from "./attempt-actions";
import { AttemptCells } from "./attempt-cells";
import { hasScribe, moduleRows } from "./roster-model";
import { zoneAbbreviation } from "../../../common/time-zones";
import type { ConsoleAttemptView, ConsoleCandidateView } from "../../../common/schemas/delivery";

/** A time of day at the session's center (its zone named), whatever the zone of the proctor's computer. */
const timeAtCenter = (iso: string, timeZone: string) =>
  `${new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit", timeZone }).format(new Date(iso))} ${zoneAbbreviation(iso, timeZone)}`.trim();

export interface RosterHandlers {
  onCheckIn: (candidate: ConsoleCandidateView) => void;
  onAction: (kind: AttemptActionKind, candidate: ConsoleCandidateView, attempt: ConsoleAttemptView) => void;
  onResume: (candidate: ConsoleCandidateView, attempt: ConsoleAttemptView) => void;
  resumingId: string | null;
}

interface Props extends RosterHandlers {
  candidates: ConsoleCandidateView[];
  /** When the roster was fetched (this computer's clock): the countdowns run from it. */
  fetchedAt: number;
  now: number;
  /** A closed session offers no actions. */
  readOnly: boolean;
  /** Why candidates cannot be checked in now (before the window opens, after the session), or null. */
  checkinClosed: string | null;
  /** The center's IANA zone: check-in times are told at its clock, as the session's hours are. */
  timeZone: string;
}

/** The notice that says when check-in opens; the disabled Check in buttons point to it. */
export const CHECKIN_NOTE_ID = "checkin-window-note";

/** The candidate's group header, focused when the control that opened a dialog is gone. */
export const candidateHomeSelector = (registrationId: string) => `[data-candidate-home="${CSS.escape(registrationId)}"]`;

function CandidateGroup({ candidate, fetchedAt, now, readOnly, checkinClosed, timeZone, ...handlers }: Omit<Props, "candidates"> & { candidate: ConsoleCandidateView }) {
  const rows = moduleRows(candidate);
  const span = Math.max(1, rows.length);
  const checkedIn = !!candidate.checkedInAt;
  const scribe = hasScribe(candidate);
  return (
    <tbody className="console-group">
      {rows.map((row, index) => (
        <tr key={row.attempt?.id ?? row.module}>
          {index === 0 ? (
            <>
              <th scope="rowgroup" rowSpan={span} tabIndex={-1} data-candidate-home={candidate.registrationId} className="console-candidate">
                {candidate.name}
              </th>
              <td rowSpan={span}>
                {checkedIn ? (
                  <>
                    <span className="badge badge--success">Checked in</span>
                    <span className="console-note">at {timeAtCenter(candidate.checkedInAt!, timeZone)}</span>
                  </>
                ) : (
                  <>
                    <span className="badge badge--warning">Not checked in</span>
                    {readOnly ? null : (
                      <button
                        type="button"
                        className="button button--small console-checkin"
                        aria-label={`Check in ${candidate.name}`}
                        disabled={checkinClosed !== null}
                        aria-describedby={checkinClosed !== null ? CHECKIN_NOTE_ID : undefined}
                        onClick={() => handlers.onCheckIn(candidate)}
                      >
                        Check in
                      </button>
                    )}
                  </>
                )}
              </td>
              <td rowSpan={span}>
                {candidate.accommodations.length === 0 ? (
                  <span className="console-muted">None</span>
                ) : (
                  <ul className="tag-list console-tags">
                    {candidate.accommodations.map((a) => (
                      <li key={a} className="badge badge--accommodation">
                        {adjustmentLabel(a)}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </>
          ) : null}
          <th scope="row" className="console-module">
            {row.module}
          </th>
          <AttemptCells attempt={row.attempt} fetchedAt={fetchedAt} now={now} />
          <td>
            {row.attempt && !readOnly ? (
              <AttemptActions
                candidate={candidate}
                attempt={row.attempt}
                scribe={scribe}
                resuming={handlers.resumingId === row.attempt.id}
                onAction={(kind) => handlers.onAction(kind, candidate, row.attempt!)}
                onResume={() => handlers.onResume(candidate, row.attempt!)}
              />
            ) : null}
          </td>
        </tr>
      ))}
    </tbody>
  );
}

export function RosterTable({ candidates, ...rest }: Props) {
  if (candidates.length === 0) return <p>No candidates are registered for this session.</p>;
  return (
    <TableRegion label="Candidates">
      <table className="table console-table">
        <caption>Candidates</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Check-in</th>
            <th scope="col">Accommodations</th>
            <th scope="col">Module</th>
            <th scope="col">Status</th>
            <th scope="col">Time left</th>
            <th scope="col">Answered</th>
            <th scope="col">Last save</th>
            <th scope="col">Connection</th>
            <th scope="col">Focus lost</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        {candidates.map((candidate) => (
          <CandidateGroup key={candidate.registrationId} candidate={candidate} {...rest} />
        ))}
      </table>
    </TableRegion>
  );
}
