// Advanced standing (issue 14): what a partner institution may grant an MT1 holder under an
// articulation agreement. Pure rules, judged by the advanced-standing service inside the request's
// transaction, and shown to the holder before they apply.
//
// The cap (program.json `policies.advancedStandingCreditsMax`, six) counts every credit one holder
// has at one institution that is granted or still awaiting a decision: a pending request holds its
// credits until it is decided, so two requests sent together can never add up past the cap.

/** An agreement's terms as the rules need them; dates are calendar days (YYYY-MM-DD). */
export interface AgreementTerms {
  credential: string
  credits: number
  /** The credential must have been issued within this many years of the request; null: any age. */
  earnedWithinYears: number | null
  effectiveFrom: string
  /** The last day the agreement applies; null: open-ended. */
  effectiveTo: string | null
}

export interface HeldCredential {
  type: string
  /** YYYY-MM-DD */
  issuedOn: string
  status: string
}

export type RequestRefusal =
  | { reason: 'wrong_credential'; message: string }
  | { reason: 'not_in_effect'; message: string }
  | { reason: 'credential_not_active'; message: string }
  | { reason: 'earned_too_long_ago'; message: string }
  | { reason: 'over_agreement'; message: string }
  | { reason: 'over_cap'; message: string }

const day = (at: Date) => at.toISOString().slice(0, 10)

/** Whether the agreement applies on the day `at` falls on (UTC), both ends included. */
export function agreementInEffect(terms: Pick<AgreementTerms, 'effectiveFrom' | 'effectiveTo'>, at: Date): boolean {
  const today = day(at)
  return terms.effectiveFrom <= today && (terms.effectiveTo === null || today <= terms.effectiveTo)
}

/** Whether a credential issued on `issuedOn` was earned within `years` of `at` (the same calendar day `years` later still counts). */
export function earnedWithin(issuedOn: string, years: number | null, at: Date): boolean {
  if (years === null) return true
  const [y, m, d] = issuedOn.split('-').map(Number) as [number, number, number]
  // 29 February plus a number of years that is not a leap year lands on 28 February, not 1 March.
  const last = new Date(Date.UTC(y + years, m - 1, 1))
  last.setUTCDate(Math.min(d, new Date(Date.UTC(y + years, m, 0)).getUTCDate()))
  return day(at) <= day(last)
}

/** Credits still available to a holder at an institution: the cap less what is granted or pending there. */
export function creditsRemaining(committed: number, cap: number): number {
  return Math.max(0, cap - committed)
}

/**
 * Why a holder may not ask for `requested` credits under an agreement with this credential, or null
 * when they may. `committed` is what they already have granted or pending at the same institution.
 */
export function requestRefusal(input: {
  terms: AgreementTerms; credential: HeldCredential; requested: number; committed: number; cap: number; at: Date
}): RequestRefusal | null {
  const { terms, credential, requested, committed, cap, at } = input
  if (credential.type !== terms.credential) {
    return { reason: 'wrong_credential', message: `This agreement grants credit for the ${terms.credential} credential, not ${credential.type}.` }
  }
  if (!agreementInEffect(terms, at)) {
    return { reason: 'not_in_effect', message: `This agreement applies from ${terms.effectiveFrom}${terms.effectiveTo ? ` to ${terms.effectiveTo}` : ''}, not today.` }
  }
  if (credential.status !== 'active') {
    return { reason: 'credential_not_active', message: `This certificate is ${credential.status}: only an active credential earns advanced standing.` }
  }
  if (!earnedWithin(credential.issuedOn, terms.earnedWithinYears, at)) {
    return { reason: 'earned_too_long_ago', message: `This agreement requires the credential to be earned within ${terms.earnedWithinYears} years; yours was issued on ${credential.issuedOn}.` }
  }
  if (requested > terms.credits) {
    return { reason: 'over_agreement', message: `This agreement grants at most ${terms.credits} credits.` }
  }
  if (committed + requested > cap) {
    const left = creditsRemaining(committed, cap)
    return {
      reason: 'over_cap',
      message: `At most ${cap} advanced-standing credits in all can be granted to one holder at one institution. You already have ${committed} granted or awaiting a decision there, so ${left === 0 ? 'no more can be requested' : `at most ${left} more can be requested`}; this request for ${requested} would exceed ${cap}.`,
    }
  }
  return null
}

/** Why a partner may not grant `granted` credits on a request that asked for `requested`, or null. */
export function grantRefusal(granted: number, requested: number): string | null {
  if (!Number.isInteger(granted) || granted < 1) return 'Grant at least one credit, or decline the request with a reason.'
  if (granted > requested) return `The request asked for ${requested} credits: no more can be granted on it (the holder's cap at your institution is held for what was asked).`
  return null
}

/** A request is flagged when the credential it rests on is no longer active (revoked, or withdrawn by a rescoring). */
export function revocationFlag(requestStatus: string, credentialStatus: string): boolean {
  return (requestStatus === 'pending' || requestStatus === 'granted') && credentialStatus !== 'active'
}
