// The appeal window (policies.appealWindowDays): a candidate may appeal a hold or a void of their
// result until that many whole days after they were told of it, to the millisecond. One appeal per
// case, and only while the result is held or voided.
const DAY_MS = 24 * 60 * 60 * 1000

/** The last moment an appeal is taken, or null when the candidate has not been told of a decision. */
export function appealDeadline(noticedAt: string | null, windowDays: number): string | null {
  return noticedAt ? new Date(Date.parse(noticedAt) + windowDays * DAY_MS).toISOString() : null
}

export type AppealRefusal = 'not_appealable' | 'appeal_exists' | 'window_closed'

/** Why an appeal is refused now, or null when it may be made. */
export function appealRefusal(c: { status: string; appealStatus: string | null; noticedAt: string | null }, windowDays: number, now: Date): AppealRefusal | null {
  if (c.status !== 'held' && c.status !== 'voided') return 'not_appealable'
  if (c.appealStatus !== null) return 'appeal_exists'
  const deadline = appealDeadline(c.noticedAt, windowDays)
  if (!deadline || now.getTime() > Date.parse(deadline)) return 'window_closed'
  return null
}
