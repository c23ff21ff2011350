// Rules of the program analytics (issue 15, item 4): how long a period may be, how results fall into
// months or quarters, when a group is too small to show a rate, and the quartiles of the days to an
// award. The server computes with them and the page states them, so both say the same.

/** The longest period one analytics request reads, in days (three years, a leap day included). */
export const ANALYTICS_PERIOD_MAX_DAYS = 1096

/**
 * A rate (pass rate, share below standard) is shown only over at least this many attempts: below it
 * one candidate moves the rate a long way, and a small group (a center's few sittings, the candidates
 * with accommodations) could be recognised from it. The count itself is still shown, except for
 * accommodation groups, where even the counts of a small group stay hidden.
 */
export const MINIMUM_GROUP = 10

export type PeriodGrouping = 'month' | 'quarter'

const DAY_MS = 86_400_000
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** Milliseconds of a calendar date (YYYY-MM-DD, UTC midnight); NaN when it is no real date. */
export function dateMs(date: string): number {
  const m = DATE.exec(date)
  if (!m) return Number.NaN
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))
  return new Date(ms).toISOString().slice(0, 10) === date ? ms : Number.NaN
}

/** What is wrong with the period of days [from, to] (both included), as a sentence for the `to` field; null when fine. */
export function analyticsPeriodProblem(from: string, to: string): string | null {
  const fromMs = dateMs(from)
  const toMs = dateMs(to)
  if (!Number.isFinite(fromMs) || !Number.isFinite(toMs)) return 'Enter the period as two real dates.'
  if (toMs < fromMs) return 'The last day must not be before the first.'
  if ((toMs - fromMs) / DAY_MS + 1 > ANALYTICS_PERIOD_MAX_DAYS) return `Choose a period of ${ANALYTICS_PERIOD_MAX_DAYS} days (three years) or less.`
  return null
}

/** The month ("2026-03") or quarter ("2026-Q1") a timestamp or date falls in (UTC). */
export function periodOf(isoDateOrTime: string, grouping: PeriodGrouping): string {
  const year = isoDateOrTime.slice(0, 4)
  const month = Number(isoDateOrTime.slice(5, 7))
  return grouping === 'month' ? `${year}-${String(month).padStart(2, '0')}` : `${year}-Q${Math.ceil(month / 3)}`
}

/** Every month or quarter the days [from, to] touch, in order (a period with no attempts still shows as 0). */
export function periodsBetween(from: string, to: string, grouping: PeriodGrouping): string[] {
  const keys: string[] = []
  let year = Number(from.slice(0, 4))
  let month = Number(from.slice(5, 7))
  const last = periodOf(to, grouping)
  for (;;) {
    const key = periodOf(`${year}-${String(month).padStart(2, '0')}`, grouping)
    if (keys[keys.length - 1] !== key) keys.push(key)
    if (key === last) return keys
    month += 1
    if (month > 12) { month = 1; year += 1 }
  }
}

/** passed / attempts in whole percent, rounded down; null when the group is under MINIMUM_GROUP (or empty). */
export function shownRate(part: number, whole: number): number | null {
  if (whole < MINIMUM_GROUP) return null
  return Math.floor((part * 100) / whole)
}

/** Whole days from a first attempt (timestamp) to an award date (YYYY-MM-DD), by UTC calendar date. */
export function daysBetween(firstAttemptAt: string, awardedOn: string): number {
  return Math.round((dateMs(awardedOn) - dateMs(firstAttemptAt.slice(0, 10))) / DAY_MS)
}

export interface Quartiles { q1: number; median: number; q3: number }

/**
 * The quartiles of the values by linear interpolation between order statistics (the "type 7" rule of
 * R and of spreadsheets' QUARTILE.INC), so staff can check the figure in a spreadsheet; rounded to
 * one decimal. Null without values.
 */
export function quartiles(values: readonly number[]): Quartiles | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const at = (p: number) => {
    const h = (sorted.length - 1) * p
    const lo = Math.floor(h)
    const value = sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)]!) - sorted[lo]!)
    return Math.round(value * 10) / 10
  }
  return { q1: at(0.25), median: at(0.5), q3: at(0.75) }
}
