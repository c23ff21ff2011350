import { checkinOpen, checkinWindow } from "../../../common/rules/checkin-window";
import { formatZonedShort } from "../../../common/time-zones";
import { useProgram } from "../program/program-queries";

/** The program's shipped default, used until the program has loaded. */
const DEFAULT_OPENS_MINUTES_BEFORE = 60;

/**
 * Whether the proctor may check candidates in now, by the same rule the server applies (the
 * program's checkinOpensMinutesBefore policy; the web's Program type does not list it yet, hence the
 * narrow cast), and why not when not: null when open.
 */
export function useCheckinClosedReason(session: { startsAt: string; endsAt: string; timeZone: string }, now: number): string | null {
  const policies = useProgram().data?.policies as { checkinOpensMinutesBefore?: number } | undefined;
  const minutes = policies?.checkinOpensMinutesBefore;
  const hours = checkinWindow(session.startsAt, session.endsAt, typeof minutes === "number" && minutes >= 0 ? minutes : DEFAULT_OPENS_MINUTES_BEFORE);
  if (checkinOpen(new Date(now), hours)) return null;
  return now < hours.opensAt.getTime()
    ? `Check-in opens at ${formatZonedShort(hours.opensAt.toISOString(), session.timeZone)}.`
    : `Check-in closed when the session ended at ${formatZonedShort(hours.closesAt.toISOString(), session.timeZone)}.`;
}
