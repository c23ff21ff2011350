// A study plan: the skills a result (or a practice diagnostic) put below standard, in its order; it is
// complete when every one of them is mastered, and then invites the candidate to book the module
// again, from the earliest date the program's rules allow. Pure.
import type { Eligibility } from './eligibility.js'
import { earliestRegistrableStart } from './registration-window.js'


/** The skills a plan works on: those below standard, in the order the result lists them. */
export function planSkills(skills: readonly { code: string; belowStandard: boolean }[]): string[] {
  return skills.filter((s) => s.belowStandard).map((s) => s.code)
}

/** Whether every skill of the plan is mastered now. */
export function planComplete(skills: readonly string[], mastered: (skill: string) => boolean): boolean {
  return skills.length > 0 && skills.every(mastered)
}

export interface RetakeInvitation {
  /**
   * `open`: the module may be booked, for a session from `earliestAt`; `booked`: a sitting of it is
   * already booked (or running); `passed`: nothing to retake.
   */
  status: 'open' | 'booked' | 'passed'
  /** The earliest session start the rules allow (ISO), when open. */
  earliestAt: string | null
}

/**
 * The invitation to book the module again. `eligibility` is the module rules' answer for a session
 * starting `leadHours` from now (the earliest one a registration can still reach); the earliest date is
 * that, or the retake policy's own date when it is later.
 */
export function retakeInvitation(now: Date, leadHours: number, eligibility: Pick<Eligibility, 'eligible' | 'reason' | 'nextEligibleAt'>): RetakeInvitation {
  const registrable = earliestRegistrableStart(now, leadHours).getTime()
  if (eligibility.reason === 'MODULE_ALREADY_PASSED') return { status: 'passed', earliestAt: null }
  if (eligibility.reason === 'MODULE_ALREADY_BOOKED') return { status: 'booked', earliestAt: null }
  const from = eligibility.nextEligibleAt ? Math.max(Date.parse(eligibility.nextEligibleAt), registrable) : registrable
  return { status: 'open', earliestAt: new Date(from).toISOString() }
}
