// The period of a staff report over Learning Lab activity ([from, to), timestamps): it must end after
// it starts and span at most REPORT_PERIOD_MAX_DAYS, so one request never aggregates years of answers
// and statements. The usage and mastery reports share it, and the web checks the same before asking.

/** The longest period a Learning Lab report covers, in days (a year, leap day included). */
export const REPORT_PERIOD_MAX_DAYS = 366

const DAY_MS = 86_400_000

/** What is wrong with the period [fromMs, toMs), as a sentence for the `to` field; null when it is fine. */
export function reportPeriodProblem(fromMs: number, toMs: number): string | null {
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) return 'Enter the period as two dates.'
  if (toMs <= fromMs) return 'The end of the period must be after its start.'
  if (toMs - fromMs > REPORT_PERIOD_MAX_DAYS * DAY_MS) return `Choose a period of ${REPORT_PERIOD_MAX_DAYS} days or less.`
  return null
}
