import { describe, expect, it } from 'vitest'
import type { Program } from '../../../common/program/program-schema.js'
import { accommodationFigures, centerFigures, moduleFigures, periodFigures, retakeFigures, skillFigures, timeToAwardFigures, type ResultFact } from './figures.js'

const program = {
  modules: [
    { code: 'MM', name: 'Math', skills: [{ code: 'MEAS', name: 'Measurement' }, { code: 'ALG', name: 'Algebra' }] },
    { code: 'QBA', name: 'Quality', skills: [{ code: 'SPC', name: 'SPC' }] },
  ],
  credentials: [{ code: 'MS', name: 'Specialist' }],
} as unknown as Program

/** n results of MM at a center, the first `passing` passed, each by its own candidate. */
function results(n: number, passing: number, o: Partial<ResultFact> = {}): ResultFact[] {
  return Array.from({ length: n }, (_, i) => ({
    candidateId: `${o.centerId ?? 'x'}-${o.accommodated ? 'a' : 'n'}-${i}`, module: 'MM', passed: i < passing, retake: false,
    scoredAt: '2026-01-15T10:00:00.000Z', centerId: 'c1', accommodated: false,
    skills: [{ code: 'MEAS', belowStandard: i >= passing }, { code: 'ALG', belowStandard: false }], ...o,
  }))
}

describe('analytics figures', () => {
  const facts = [...results(10, 7, { accommodated: true }), ...results(3, 1, { centerId: 'c2', retake: true, scoredAt: '2026-02-01T00:00:00.000Z' })]

  it('counts attempts and passes per module, hiding a rate under ten attempts', () => {
    expect(moduleFigures(program, facts)).toEqual([
      { module: 'MM', moduleName: 'Math', attempts: 13, passed: 8, passRate: 61 },
      { module: 'QBA', moduleName: 'Quality', attempts: 0, passed: 0, passRate: null },
    ])
    expect(moduleFigures(program, facts, 'QBA').map((m) => m.module)).toEqual(['QBA'])
  })

  it('gives the share below standard per skill of the program', () => {
    expect(skillFigures(program, facts).map((s) => [s.skill, s.results, s.belowStandard, s.belowRate])).toEqual([['MEAS', 13, 5, 38], ['ALG', 13, 0, 0], ['SPC', 0, 0, null]])
  })

  it('joins the centers\' sessions to their results, by name', () => {
    const activity = [{ centerId: 'c3', centerName: '', sessions: 2, registrations: 5 }, { centerId: 'c1', centerName: '', sessions: 1, registrations: 10 }]
    expect(centerFigures(activity, new Map([['c1', 'Beta'], ['c2', 'Alpha'], ['c3', 'Gamma']]), facts)).toEqual([
      { centerId: 'c2', centerName: 'Alpha', sessions: 0, registrations: 0, attempts: 3, passed: 1, passRate: null },
      { centerId: 'c1', centerName: 'Beta', sessions: 1, registrations: 10, attempts: 10, passed: 7, passRate: 70 },
      { centerId: 'c3', centerName: 'Gamma', sessions: 2, registrations: 5, attempts: 0, passed: 0, passRate: null },
    ])
  })

  it('lists every month of the period, the empty ones too', () => {
    expect(periodFigures(facts, '2026-01-01', '2026-03-31', 'month').map((p) => [p.period, p.attempts])).toEqual([['2026-01', 10], ['2026-02', 3], ['2026-03', 0]])
  })

  it('shows nothing of an accommodation group under ten candidates', () => {
    expect(accommodationFigures(facts)).toEqual([
      { group: 'with', suppressed: false, candidates: 10, attempts: 10, passed: 7, passRate: 70 },
      { group: 'without', suppressed: true, candidates: null, attempts: null, passed: null, passRate: null },
    ])
  })

  it('separates first attempts from retakes', () => {
    expect(retakeFigures(program, facts)[0]).toEqual({ module: 'MM', moduleName: 'Math', firstAttempts: 10, firstPassed: 7, firstPassRate: 70, retakes: 3, retakesPassed: 1, retakePassRate: null })
  })

  it('measures days to an award from the first scored result, leaving out awards without one', () => {
    const first = new Map([['a', '2026-01-01T09:00:00.000Z'], ['b', '2026-01-01T09:00:00.000Z']])
    const awards = [{ candidateId: 'a', type: 'MS', issuedOn: '2026-01-11' }, { candidateId: 'b', type: 'MS', issuedOn: '2026-01-31' }, { candidateId: 'z', type: 'MS', issuedOn: '2026-01-31' }]
    expect(timeToAwardFigures(program, awards, first)).toEqual([{ credential: 'MS', credentialName: 'Specialist', awards: 2, q1Days: 15, medianDays: 20, q3Days: 25 }])
  })
})
