import { describe, expect, it } from 'vitest'
import { datasetsPresent } from '../../../test/helpers/psychometrics-datasets.js'
import { lsatPatterns } from '../../../test/helpers/psychometrics-reference.js'
import { CalibrationError, calibrate2pl, calibrateRasch } from './irt.js'
import { borderlineByForm, eapByPattern, eapBySumScore, expectedRawScore, sumScoreLikelihoods, thetaAtRawScore } from './irt-scores.js'

const within = (actual: number, expected: number, tolerance: number) => expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance)

const present = datasetsPresent('irt-scores')

describe.skipIf(!present)('published results: LSAT-7 2PL EAP by sum score', () => {
  it('gives mirt\'s expected θ and SE for sum scores 0..5 at 3 decimals', () => {
    const fit = calibrate2pl(lsatPatterns('Ob7'), ['Q1', 'Q2', 'Q3', 'Q4', 'Q5'])
    const eap = eapBySumScore(fit.items, fit.quadrature)
    expect(eap.map((e) => e.score)).toEqual([0, 1, 2, 3, 4, 5])
    ;[-1.870, -1.432, -0.949, -0.413, 0.152, 0.727].forEach((theta, s) => within(eap[s]!.theta, theta, 5e-4))
    ;[0.693, 0.684, 0.694, 0.721, 0.759, 0.801].forEach((se, s) => within(eap[s]!.se, se, 5e-4))
  })

  it('under the Rasch model every pattern with the same sum score has the same EAP (the sum is sufficient)', () => {
    const fit = calibrateRasch(lsatPatterns('Ob6'), ['Q1', 'Q2', 'Q3', 'Q4', 'Q5'])
    const bySum = eapBySumScore(fit.items, fit.quadrature)
    for (const pattern of [[1, 1, 0, 0, 0], [0, 0, 0, 1, 1], [0, 1, 0, 1, 0]]) {
      const e = eapByPattern(fit.items, pattern, fit.quadrature)
      within(e.theta, bySum[2]!.theta, 1e-9)
      within(e.se, bySum[2]!.se, 1e-9)
    }
  })
})

const form = (ds: number[], a = 1) => ds.map((d) => ({ a, d }))

describe('EAP', () => {
  it('rises with the sum score and the sum-score likelihoods sum to 1 at every θ', () => {
    const items = form([1, 0, -1, 0.5])
    const eap = eapBySumScore(items)
    for (let s = 1; s < eap.length; s++) expect(eap[s]!.theta).toBeGreaterThan(eap[s - 1]!.theta)
    const lik = sumScoreLikelihoods(items, { points: Float64Array.from([-1, 0, 2]), weights: Float64Array.from([0.3, 0.4, 0.3]) })
    for (let q = 0; q < 3; q++) within(lik.reduce((sum, row) => sum + row[q]!, 0), 1, 1e-12)
  })
  it('refuses a pattern whose length does not match the items', () => {
    expect(() => eapByPattern(form([0, 1]), [1])).toThrow(CalibrationError)
  })
})

describe('test characteristic curve and the borderline candidate', () => {
  const reference = { id: 'A', items: form([1, 0.5, 0, -0.5, 2, 1.5, 1, 0]) }
  it('finds θ where the TCC meets a raw score, inverse of the TCC', () => {
    const theta = thetaAtRawScore(reference.items, 6)
    within(expectedRawScore(reference.items, theta), 6, 1e-9)
  })
  it('puts the reference form exactly at 75% and an easier form above, a harder below', () => {
    const easier = { id: 'B', items: reference.items.map((i) => ({ a: i.a, d: i.d + 0.5 })) }
    const harder = { id: 'C', items: form([0, 0, -1, -1, 0.5]) }
    const result = borderlineByForm(reference, [reference, easier, harder])
    expect(result.referenceCut).toBe(6)
    within(result.forms[0]!.expectedRawScore, 6, 1e-9)
    within(result.forms[0]!.expectedPercent, 75, 1e-9)
    expect(result.forms[1]!.expectedPercent).toBeGreaterThan(75)
    expect(result.forms[2]!.expectedPercent).toBeLessThan(75)
    expect(result.forms[2]!.items).toBe(5)
    within(result.forms[2]!.expectedRawScore, expectedRawScore(harder.items, result.thetaCut), 1e-12)
  })
  it('refuses a cut outside (0, 1), a raw score the TCC never reaches, a non-positive slope and empty forms', () => {
    expect(() => borderlineByForm(reference, [reference], 1)).toThrow(/strictly between 0 and 1/)
    expect(() => thetaAtRawScore(reference.items, 8)).toThrow(/not strictly between 0 and 8/)
    expect(() => thetaAtRawScore([{ a: -1, d: 0 }, { a: 1, d: 0 }], 1)).toThrow(/non-positive/)
    expect(() => borderlineByForm({ id: 'empty', items: [] }, [])).toThrow(/without items/)
    expect(() => borderlineByForm(reference, [{ id: 'none', items: [] }])).toThrow(/form "none" has no items/)
  })
})
