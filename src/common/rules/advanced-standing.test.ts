import { describe, expect, it } from 'vitest'
import { agreementInEffect, creditsRemaining, earnedWithin, grantRefusal, requestRefusal, revocationFlag, type AgreementTerms } from './advanced-standing.js'

const terms: AgreementTerms = { credential: 'MT1', credits: 6, earnedWithinYears: 5, effectiveFrom: '2024-01-01', effectiveTo: '2026-12-31' }
const held = { type: 'MT1', issuedOn: '2024-06-01', status: 'active' }
const at = new Date('2025-03-01T12:00:00Z')
const judge = (o: Partial<Parameters<typeof requestRefusal>[0]> = {}) => requestRefusal({ terms, credential: held, requested: 6, committed: 0, cap: 6, at, ...o })

describe('advanced standing rules', () => {
  it('grants up to six credits in all at one institution, counting what is granted or pending', () => {
    expect(judge()).toBeNull()
    expect(judge({ requested: 3, committed: 3 })).toBeNull()
    const over = judge({ requested: 6, committed: 3 })
    expect(over?.reason).toBe('over_cap')
    expect(over?.message).toContain('at most 3 more')
    expect(judge({ requested: 1, committed: 6 })?.message).toContain('no more can be requested')
    expect(creditsRemaining(4, 6)).toBe(2)
    expect(creditsRemaining(9, 6)).toBe(0)
  })

  it('never grants more than the agreement does', () => {
    expect(judge({ terms: { ...terms, credits: 3 }, requested: 4 })?.reason).toBe('over_agreement')
  })

  it('applies an agreement only between its effective dates, both days included', () => {
    expect(agreementInEffect(terms, new Date('2024-01-01T00:00:00Z'))).toBe(true)
    expect(agreementInEffect(terms, new Date('2026-12-31T23:59:59Z'))).toBe(true)
    expect(agreementInEffect(terms, new Date('2023-12-31T23:59:59Z'))).toBe(false)
    expect(agreementInEffect(terms, new Date('2027-01-01T00:00:00Z'))).toBe(false)
    expect(agreementInEffect({ effectiveFrom: '2024-01-01', effectiveTo: null }, new Date('2090-01-01T00:00:00Z'))).toBe(true)
    expect(judge({ at: new Date('2027-02-01T00:00:00Z') })?.reason).toBe('not_in_effect')
  })

  it('asks the credential to be earned within N years, to the day', () => {
    expect(earnedWithin('2020-03-01', 5, new Date('2025-03-01T23:00:00Z'))).toBe(true)
    expect(earnedWithin('2020-03-01', 5, new Date('2025-03-02T00:00:00Z'))).toBe(false)
    expect(earnedWithin('2020-02-29', 1, new Date('2021-02-28T12:00:00Z'))).toBe(true)
    expect(earnedWithin('2020-02-29', 1, new Date('2021-03-01T12:00:00Z'))).toBe(false)
    expect(earnedWithin('1990-01-01', null, at)).toBe(true)
    expect(judge({ terms: { ...terms, earnedWithinYears: 0 } })?.reason).toBe('earned_too_long_ago')
  })

  it('refuses a revoked or withdrawn credential, and one of another type', () => {
    expect(judge({ credential: { ...held, status: 'revoked' } })?.reason).toBe('credential_not_active')
    expect(judge({ credential: { ...held, status: 'withdrawn' } })?.reason).toBe('credential_not_active')
    expect(judge({ credential: { ...held, type: 'MS' } })?.reason).toBe('wrong_credential')
  })

  it('lets a partner grant between one credit and what was asked', () => {
    expect(grantRefusal(3, 6)).toBeNull()
    expect(grantRefusal(6, 6)).toBeNull()
    expect(grantRefusal(0, 6)).not.toBeNull()
    expect(grantRefusal(7, 6)).not.toBeNull()
    expect(grantRefusal(2.5, 6)).not.toBeNull()
  })

  it('flags open and granted requests whose credential is no longer active', () => {
    expect(revocationFlag('pending', 'revoked')).toBe(true)
    expect(revocationFlag('granted', 'withdrawn')).toBe(true)
    expect(revocationFlag('declined', 'revoked')).toBe(false)
    expect(revocationFlag('granted', 'active')).toBe(false)
  })
})
