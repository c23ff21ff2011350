// The test is paused: the reason, the stopped clock, and for a break the way back. The screen polls
// (see pollMs) and gives way to the test as soon as the server says it runs again.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { ApiError, errorMessage } from "../../api/client";
import { FormAlert } from "../../components/form-alert";
import { formatClock } from "./clock";
import { deliveryApi, deliveryKeys } from "./delivery-api";
import { StatusScreen } from "./status-screen";

const REASONS: Record<string, { title: string; text: string }> = {
  no_proctor_present: {
    title: "Test paused",
    text: "Your proctor has stepped away. Your time is stopped; your answers are saved. The test continues when your proctor returns.",
  },
  break: { title: "Break", text: "You are on a break. The clock is stopped." },
  proctor: { title: "Test paused", text: "Your proctor has paused the test. Your time is stopped; your answers are saved. The test continues when your proctor resumes it." },
};

interface Props {
  attemptId: string;
  reason: string | null;
  remainingMs: number | null;
  /** Answers still waiting on this computer (sent when the test continues). */
  unsent: number;
}

export function PausedScreen({ attemptId, reason, remainingMs, unsent }: Props) {
  const queryClient = useQueryClient();
  const copy = REASONS[reason ?? ""] ?? REASONS.proctor!;
  const endBreak = useMutation({
    mutationFn: () => deliveryApi.endBreak(attemptId),
    onSuccess: (attempt) => queryClient.setQueryData(deliveryKeys.attempt(attemptId), attempt),
  });
  const endError =
    endBreak.error instanceof ApiError && endBreak.error.code === "NO_PROCTOR_PRESENT"
      ? "Your proctor is not in the room right now. The test continues when your proctor returns; your time stays stopped."
      : endBreak.error
        ? errorMessage(endBreak.error)
        : null;

  return (
    <StatusScreen title={copy.title} testId="paused" tone="warning">
      <p className="status-screen__lead">{copy.text}</p>
      {remainingMs !== null ? (
        <p>
          Time left: <strong className="status-screen__time">{formatClock(remainingMs)}</strong> (stopped)
        </p>
      ) : null}
      {unsent > 0 ? <p>Your latest answers are kept on this computer and are sent as soon as the test continues.</p> : null}
      {reason === "break" ? (
        <>
          <FormAlert>{endError}</FormAlert>
          <p>
            <button type="button" className="button" onClick={() => endBreak.mutate()} disabled={endBreak.isPending}>
              End break
            </button>
          </p>
        </>
      ) : (
        <p className="status-screen__note">This screen checks every few seconds and goes back to your test by itself.</p>
      )}
    </StatusScreen>
  );
}
