// Which dialog the console has open, and the one place that renders it.
import { AddTimeDialog, PauseDialog, ReadmitDialog, VoidDialog } from "./attempt-dialogs";
import type { AttemptActionKind } from "./attempt-actions";
import { candidateHomeSelector } from "./roster-table";
import { CheckInDialog, CloseSessionDialog, PauseAllDialog } from "./session-dialogs";
import type { ConsoleAttemptView, ConsoleCandidateView, ConsoleView } from "../../../common/schemas/delivery";

export type OpenDialog =
  | { kind: "checkIn"; registrationId: string }
  | { kind: AttemptActionKind; registrationId: string; attemptId: string }
  | { kind: "pauseAll" }
  | { kind: "close" };

interface Props {
  open: OpenDialog | null;
  view: ConsoleView;
  onClose: () => void;
  onDone: (message: string) => void;
}

export function ConsoleDialogs({ open, view, onClose, onDone }: Props) {
  if (!open) return null;
  const sessionId = view.session.id;
  const common = { sessionId, onClose, onDone };

  if (open.kind === "pauseAll") return <PauseAllDialog {...common} fallbackFocus={() => document.querySelector<HTMLElement>("main h1")} />;
  if (open.kind === "close") return <CloseSessionDialog {...common} view={view} fallbackFocus={() => document.querySelector<HTMLElement>("main h1")} />;

  // Looked up in the latest poll, so the dialog shows current figures (time left, re-admission).
  const candidate: ConsoleCandidateView | undefined = view.candidates.find((c) => c.registrationId === open.registrationId);
  if (!candidate) return null;
  // When the opener is gone (the Check in or Void button after its action), focus the candidate's row header.
  const fallbackFocus = () => document.querySelector<HTMLElement>(candidateHomeSelector(candidate.registrationId));
  if (open.kind === "checkIn") return <CheckInDialog {...common} candidate={candidate} fallbackFocus={fallbackFocus} />;

  const attempt: ConsoleAttemptView | undefined = candidate.attempts.find((a) => a.id === open.attemptId);
  if (!attempt) return null;
  const props = { ...common, candidate, attempt, fallbackFocus };
  switch (open.kind) {
    case "pause":
      return <PauseDialog {...props} />;
    case "addTime":
      return <AddTimeDialog {...props} />;
    case "void":
      return <VoidDialog {...props} />;
    case "readmit":
      return <ReadmitDialog {...props} />;
  }
}
