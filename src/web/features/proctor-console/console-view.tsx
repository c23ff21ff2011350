// The console for one session, once its first roster has loaded: controls, roster, dialogs, incidents.
import { useState } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { errorMessage } from "../../api/client";
import { FormAlert, StatusMessage } from "../../components/form-alert";
import { formatZonedShort } from "../../../common/time-zones";
import { RosterAnnouncer } from "./announcer";
import { ConsoleDialogs, type OpenDialog } from "./console-dialogs";
import { consoleCalls, useConsoleAction } from "./console-api";
import { IncidentForm } from "./incident-form";
import { IncidentList } from "./incident-list";
import { CHECKIN_NOTE_ID, RosterTable } from "./roster-table";
import { SessionControls } from "./session-controls";
import type { ConsoleAttemptView, ConsoleCandidateView, ConsoleView as View } from "../../../common/schemas/delivery";
import { useCheckinClosedReason } from "./use-checkin-window";

interface Props {
  query: UseQueryResult<View>;
  view: View;
  now: number;
}

const timeOfDay = new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit", second: "2-digit" });

export function ConsoleView({ query, view, now }: Props) {
  const sessionId = view.session.id;
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const resume = useConsoleAction(sessionId, (a: { attempt: ConsoleAttemptView; candidate: ConsoleCandidateView }) => consoleCalls.resume(a.attempt.id));
  const resumeAll = useConsoleAction(sessionId, () => consoleCalls.resumeAll(sessionId));
  const closed = !!view.session.closedAt;
  const checkinClosed = useCheckinClosedReason(view.session, now);

  const done = (text: string) => {
    setDialog(null);
    setMessage(text);
  };
  const onResume = (candidate: ConsoleCandidateView, attempt: ConsoleAttemptView) => {
    setMessage(null);
    resume.mutate({ attempt, candidate }, { onSuccess: () => setMessage(`${attempt.module} for ${candidate.name} is running again.`) });
  };
  const onResumeAll = () => {
    setMessage(null);
    resumeAll.mutate(undefined, { onSuccess: ({ changed }) => setMessage(changed === 1 ? "1 test is running again." : `${changed} tests are running again.`) });
  };
  const actionError = resume.isError ? resume.error : resumeAll.isError ? resumeAll.error : null;

  return (
    <>
      {closed ? (
        <div className="notice notice--info">
          <p>
            <strong>This session closed at {formatZonedShort(view.session.closedAt, view.session.timeZone)}.</strong> The roster and incidents are
            kept for the record; the session report is final.
          </p>
        </div>
      ) : null}
      <SessionControls
        view={view}
        resumingAll={resumeAll.isPending}
        onPauseAll={() => setDialog({ kind: "pauseAll" })}
        onResumeAll={onResumeAll}
        onClose={() => setDialog({ kind: "close" })}
      />
      <StatusMessage>{message}</StatusMessage>
      <FormAlert>{actionError ? errorMessage(actionError) : null}</FormAlert>
      {checkinClosed !== null && !closed && view.candidates.some((c) => !c.checkedInAt) ? (
        <p id={CHECKIN_NOTE_ID} className="notice notice--info">
          {checkinClosed}
        </p>
      ) : null}
      {query.isError ? (
        // Not an alert: the next poll may fix it within seconds. The last good roster stays on screen.
        <p className="notice notice--error console-stale">
          The roster could not be refreshed ({errorMessage(query.error)}). Showing the state of{" "}
          {timeOfDay.format(query.dataUpdatedAt)}; trying again every few seconds.
        </p>
      ) : null}

      <RosterTable
        candidates={view.candidates}
        fetchedAt={query.dataUpdatedAt}
        now={now}
        readOnly={closed}
        timeZone={view.session.timeZone}
        checkinClosed={checkinClosed}
        resumingId={resume.isPending ? (resume.variables?.attempt.id ?? null) : null}
        onCheckIn={(c) => setDialog({ kind: "checkIn", registrationId: c.registrationId })}
        onAction={(kind, c, a) => setDialog({ kind, registrationId: c.registrationId, attemptId: a.id })}
        onResume={onResume}
      />
      <p className="console-muted console-footnote">
        Updated every 5 seconds; last at {timeOfDay.format(query.dataUpdatedAt)}. Time left counts down on this computer
        between updates. Connection: online means the candidate's computer was heard from within 30 s, idle within 2 min.
      </p>
      <RosterAnnouncer view={view} />

      <section className="section" aria-labelledby="incidents-heading">
        <h2 id="incidents-heading">Incidents</h2>
        <div className="console-incidents-layout">
          {closed ? null : <IncidentForm sessionId={sessionId} candidates={view.candidates} timeZone={view.session.timeZone} />}
          <div>
            <h3>Recorded incidents</h3>
            <IncidentList incidents={view.incidents} candidates={view.candidates} timeZone={view.session.timeZone} />
          </div>
        </div>
      </section>

      <ConsoleDialogs open={dialog} view={view} onClose={() => setDialog(null)} onDone={done} />
    </>
  );
}
