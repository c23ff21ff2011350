import { describe, expect, it } from 'vitest'
import { planComplete, planSkills, retakeInvitation } from './study-plan.js'

const now = new Date('2026-03-02T15:00:00.000Z')

describe('study plans', () => {
  it('works on the skills below standard, in the result\'s order', () => {
    expect(planSkills([
      { code: 'SPAT', belowStandard: false }, { code: 'MECH', belowStandard: true }, { code: 'FPT', belowStandard: false }, { code: 'ELEC', belowStandard: true },
    ])).toEqual(['MECH', 'ELEC'])
    expect(planSkills([{ code: 'MEAS', belowStandard: false }])).toEqual([])
  })

  it('is complete only when every one of its skills is mastered', () => {
    expect(planComplete(['MECH', 'ELEC'], (s) => s === 'MECH')).toBe(false)
    expect(planComplete(['MECH', 'ELEC'], () => true)).toBe(true)
    expect(planComplete([], () => true)).toBe(false)
  })

  it('invites the candidate to book from the first session a registration can reach when no wait applies', () => {
    expect(retakeInvitation(now, 48, { eligible: true, reason: null, nextEligibleAt: null })).toEqual({ status: 'open', earliestAt: '2026-03-04T15:00:00.000Z' })
  })

  it('applies the retake policy\'s date when it is later than the registration lead, and not when it is earlier', () => {
    expect(retakeInvitation(now, 48, { eligible: false, reason: 'RETAKE_TOO_SOON', nextEligibleAt: '2026-03-31T09:00:00.000Z' }))
      .toEqual({ status: 'open', earliestAt: '2026-03-31T09:00:00.000Z' })
    expect(retakeInvitation(now, 48, { eligible: false, reason: 'RETAKE_TOO_SOON', nextEligibleAt: '2026-03-03T09:00:00.000Z' }))
      .toEqual({ status: 'open', earliestAt: '2026-03-04T15:00:00.000Z' })
  })

  it('says so when the module is already booked or passed, with no date', () => {
    expect(retakeInvitation(now, 48, { eligible: false, reason: 'MODULE_ALREADY_BOOKED', nextEligibleAt: null })).toEqual({ status: 'booked', earliestAt: null })
    expect(retakeInvitation(now, 48, { eligible: false, reason: 'MODULE_ALREADY_PASSED', nextEligibleAt: null })).toEqual({ status: 'passed', earliestAt: null })
  })
})
