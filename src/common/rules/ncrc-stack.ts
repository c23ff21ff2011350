// NCRC stacking (issue 14): MS and MT1 stack on the National Career Readiness Certificate. What the
// public may read of a holder's NCRC is its level and whether staff verified it: never its number,
// date or uploaded copy. A change to any of the NCRC's facts sets the verification back to
// 'unverified', since staff verified the facts as they were.

export type NcrcVerification = 'unverified' | 'verified' | 'not_verified'

/** The certifications that stack on the NCRC (module certificates do not). */
export const STACKS_ON_NCRC: readonly string[] = ['MS', 'MT1']

export interface NcrcFacts {
  level: string | null
  number: string | null
  /** YYYY-MM-DD */
  date: string | null
  /** SHA-256 of the uploaded certificate, or null when none is uploaded. */
  certificateHash: string | null
}

/** Whether staff must look again: any fact they verified differs. */
export function ncrcFactsChanged(before: NcrcFacts, after: NcrcFacts): boolean {
  return before.level !== after.level || before.number !== after.number || before.date !== after.date || before.certificateHash !== after.certificateHash
}

/** "verified" or "not verified": the only two words the public sees (a refusal's reason stays private). */
export const publicNcrcStatus = (verified: boolean) => (verified ? 'verified' : 'not verified')

/**
 * The stack a credential states, e.g. "MT1, stacked on NCRC Gold (verified)"; null for a module
 * certificate or a holder with no NCRC recorded.
 */
export function stackStatement(credentialType: string, ncrc: { level: string | null; verified: boolean }): string | null {
  if (!STACKS_ON_NCRC.includes(credentialType) || !ncrc.level) return null
  return `${credentialType}, stacked on NCRC ${ncrc.level} (${publicNcrcStatus(ncrc.verified)})`
}

/** The earliest date an NCRC certificate can carry: ACT's career readiness certificates began in the 1990s. */
const EARLIEST = '1990-01-01'

/** Why a certificate date cannot be right, or null: a real calendar day, not in the future, not before 1990. */
export function ncrcDateRefusal(date: string, today: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const parsed = m ? new Date(`${date}T00:00:00Z`) : null
  if (!m || !parsed || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== date) return 'Enter the date as it is on the certificate (a real calendar date).'
  if (date > today) return 'The certificate date cannot be in the future.'
  if (date < EARLIEST) return 'The certificate date cannot be before 1990.'
  return null
}
