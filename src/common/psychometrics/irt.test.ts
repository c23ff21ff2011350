import { describe, expect, it } from 'vitest'
import { datasetsPresent } from '../../../test/helpers/psychometrics-datasets.js'
import { lsatPatterns } from '../../../test/helpers/psychometrics-reference.js'
import { seededRandom } from '../items/seeded-random.js'
import { patternEStep, sumScoreEStep } from './irt-estep.js'
import { CalibrationError, calibrate2pl, calibrateRasch, collapsePatterns, logistic, normalQuadrature } from './irt.js'

const ITEMS = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5']
const within = (actual: number, expected: number, tolerance: number) => expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance)

const present = datasetsPresent('irt')

describe.skipIf(!present)('published results (Bock & Lieberman LSAT data)', () => {
  it('LSAT-6 Rasch by MML: common slope 0.7551, ltm difficulties, log-likelihood −2466.938', () => {
    const fit = calibrateRasch(lsatPatterns('Ob6'), ITEMS)
    expect(fit.converged).toBe(true)
    within(fit.discrimination, 0.7551, 5e-5)
    within(fit.logLikelihood, -2466.938, 5e-4)
    ;[-3.6153, -1.3224, -0.3176, -1.7301, -2.7802].forEach((b, j) => within(fit.difficulties[j]!, b, 1e-3))
    ;[2.730, 0.999, 0.240, 1.307, 2.100].forEach((d, j) => within(fit.items[j]!.d, d, 1e-2))
  })

  it('LSAT-7 2PL by MML: a and d within 1e-2, log-likelihood −2658.805', () => {
    const fit = calibrate2pl(lsatPatterns('Ob7'), ITEMS)
    expect(fit.converged).toBe(true)
    within(fit.logLikelihood, -2658.805, 5e-4)
    ;[0.988, 1.081, 1.706, 0.765, 0.736].forEach((a, j) => within(fit.items[j]!.a, a, 1e-2))
    ;[1.856, 0.808, 1.804, 0.486, 1.855].forEach((d, j) => within(fit.items[j]!.d, d, 1e-2))
  })
})

describe('pattern collapsing', () => {
  it('keeps one row per distinct pattern with its frequency, in first-seen order', () => {
    const rows = [[1, 0, 1], [0, 0, 0], [1, 0, 1], [1, 0, 1], [0, 0, 0]].map((r) => Uint8Array.from(r))
    const { patterns, counts } = collapsePatterns(rows)
    expect(patterns.map((p) => [...p])).toEqual([[1, 0, 1], [0, 0, 0]])
    expect(counts).toEqual([3, 2])
  })
  it('gives the same calibration on one row per examinee as on the collapsed table', () => {
    const rows = [[1, 1], [1, 0], [0, 1], [0, 0], [1, 1], [1, 0], [1, 1], [0, 0]].map((r) => Uint8Array.from(r))
    const direct = calibrateRasch({ patterns: rows, counts: rows.map(() => 1) }, ['a', 'b'])
    const collapsed = calibrateRasch(collapsePatterns(rows), ['a', 'b'])
    within(collapsed.logLikelihood, direct.logLikelihood, 1e-9)
    within(collapsed.discrimination, direct.discrimination, 1e-6)
  })
})

describe('the Rasch E-step by sum score', () => {
  it('gives exactly the pattern E-step\'s counts and log-likelihood when the slope is common', () => {
    const random = seededRandom(7)
    const rows = Array.from({ length: 300 }, () => Uint8Array.from({ length: 6 }, (_, j) => (random() < 0.3 + 0.08 * j ? 1 : 0)))
    const data = collapsePatterns(rows)
    const quad = normalQuadrature()
    const items = [0.4, -0.2, 1.1, 0, -0.9, 0.6].map((d) => ({ a: 0.8, d }))
    const byPattern = patternEStep(data, quad)(items)
    const byScore = sumScoreEStep(data, 6, quad)(items)
    within(byScore.logLikelihood, byPattern.logLikelihood, 1e-9)
    byPattern.n.forEach((v, q) => within(byScore.n[q]!, v, 1e-9))
    byPattern.r.forEach((v, i) => within(byScore.r[i]!, v, 1e-9))
  })
})

describe('quadrature', () => {
  it('integrates N(0, 1): weights sum to 1, mean 0, variance 1', () => {
    const { points, weights } = normalQuadrature()
    expect(points.length).toBe(61)
    let sum = 0, mean = 0, second = 0
    points.forEach((t, q) => {
      sum += weights[q]!
      mean += weights[q]! * t
      second += weights[q]! * t * t
    })
    within(sum, 1, 1e-12)
    within(mean, 0, 1e-12)
    within(second, 1, 1e-6)
  })
})

describe('parameter recovery on simulated responses', () => {
  it('recovers known 2PL parameters from 8,000 simulated examinees', () => {
    const random = seededRandom(15)
    const truth = [{ a: 0.8, d: 1 }, { a: 1.2, d: 0 }, { a: 1.5, d: -0.5 }, { a: 1, d: 0.5 }, { a: 2, d: -1 }, { a: 0.6, d: 1.5 }]
    const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
    const rows = Array.from({ length: 8000 }, () => {
      const theta = normal()
      return Uint8Array.from(truth, (item) => (random() < logistic(item.a * theta + item.d) ? 1 : 0))
    })
    const fit = calibrate2pl(collapsePatterns(rows), truth.map((_, j) => `i${j}`))
    expect(fit.converged).toBe(true)
    truth.forEach((item, j) => {
      within(fit.items[j]!.a, item.a, 0.25)
      within(fit.items[j]!.d, item.d, 0.2)
    })
  })
})

describe('responses MML cannot calibrate are refused with a message naming the cause', () => {
  const table = (rows: number[][]) => collapsePatterns(rows.map((r) => Uint8Array.from(r)))
  it('refuses a constant item (everyone correct, or nobody), naming it', () => {
    expect(() => calibrateRasch(table([[1, 1], [1, 0], [1, 1]]), ['easy', 'b'])).toThrow(/item "easy" cannot be calibrated: every examinee answered it correctly/)
    expect(() => calibrate2pl(table([[1, 0], [0, 0], [1, 0]]), ['a', 'hard'])).toThrow(/item "hard" cannot be calibrated: no examinee answered it correctly/)
  })
  it('refuses one examinee', () => {
    expect(() => calibrateRasch(table([[1, 0, 1]]), ['a', 'b', 'c'])).toThrow(/at least two examinees; the file has 1/)
  })
  it('refuses a test everyone answered all correct', () => {
    expect(() => calibrate2pl(table([[1, 1, 1], [1, 1, 1], [1, 1, 1]]), ['a', 'b', 'c'])).toThrow(CalibrationError)
  })
  it('refuses a pattern of the wrong length and no items', () => {
    expect(() => calibrateRasch(table([[1, 0], [0, 1]]), ['a', 'b', 'c'])).toThrow(/has 2 items, expected 3/)
    expect(() => calibrateRasch({ patterns: [new Uint8Array(0), new Uint8Array(0)], counts: [1, 1] }, [])).toThrow(/at least one item/)
  })
  it('still calibrates when examinees have all-correct or all-wrong patterns (MML needs no finite person estimate)', () => {
    const fit = calibrateRasch(table([[1, 1], [1, 1], [0, 0], [1, 0], [0, 1], [1, 0], [0, 0], [1, 1]]), ['a', 'b'])
    expect(Number.isFinite(fit.logLikelihood)).toBe(true)
    expect(fit.difficulties.every(Number.isFinite)).toBe(true)
  })
})
