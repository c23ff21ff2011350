// Reminders before a session, as the program's policy sets them (`policies.reminders.sessionHoursBefore`:
// each entry one reminder, so [48, 24] sends one two days ahead and one the day before).
const HOUR = 3_600_000

/**
 * Which reminder is due for one registration now: the policy entries whose moment has come (the
 * session starts within that many hours) and that no reminder as close or closer has covered. A
 * candidate registered late (by staff, inside the 48-hour window) gets one email, the closest due,
 * never a burst; `record` is every entry it stands for, so none of them is sent later.
 */
export function dueSessionReminder(policyHours: readonly number[], sentHours: readonly number[], startsAt: string, now: Date): { send: number; record: number[] } | null {
  const untilStart = Date.parse(startsAt) - now.getTime()
  if (!(untilStart > 0)) return null
  const closestSent = Math.min(Infinity, ...sentHours)
  const due = [...new Set(policyHours)].filter((h) => untilStart <= h * HOUR && h < closestSent).sort((a, b) => a - b)
  return due.length === 0 ? null : { send: due[0]!, record: due }
}

/** The furthest a reminder reaches ahead (the largest policy entry), in hours; 0 when the policy has none. */
export function reminderHorizonHours(policyHours: readonly number[]): number {
  return Math.max(0, ...policyHours)
}
