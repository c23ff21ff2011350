// MML on incomplete responses (forms drawn from a pool): items not presented are missing, not wrong.
import { beforeAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../items/seeded-random.js'
import { formSumScoreEStep, patternEStep } from './irt-estep.js'
import { calibrate2pl, calibrateRasch, collapsePatterns, logistic, normalQuadrature, NOT_PRESENTED } from './irt.js'
import { calibratePool, type PoolCalibration } from './irt-pool.js'
import { formComparability } from './form-comparability.js'

const X = NOT_PRESENTED
const within = (actual: number, expected: number, tolerance: number) => expect(Math.abs(actual - expected), `${actual} vs ${expected}`).toBeLessThanOrEqual(tolerance)

function correlation(x: readonly number[], y: readonly number[]): number {
  const mx = x.reduce((s, v) => s + v, 0) / x.length
  const my = y.reduce((s, v) => s + v, 0) / y.length
  let sxy = 0, sxx = 0, syy = 0
  x.forEach((v, i) => {
    sxy += (v - mx) * (y[i]! - my)
    sxx += (v - mx) ** 2
    syy += (y[i]! - my) ** 2
  })
  return sxy / Math.sqrt(sxx * syy)
}
const rmse = (x: readonly number[], y: readonly number[]) => Math.sqrt(x.reduce((s, v, i) => s + (v - y[i]!) ** 2, 0) / x.length)

/**
 * Planted Rasch difficulties; each examinee sees each item with its own exposure rate (0.3 to 1, about
 * 40% missing over all), so treating "not presented" as wrong makes rarely shown items look hard.
 */
function simulate(seed: number, examinees: number, truth: readonly { a: number; d: number }[], exposure: (j: number) => number) {
  const random = seededRandom(seed)
  const normal = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  return Array.from({ length: examinees }, () => {
    const theta = normal()
    return Uint8Array.from(truth, (item, j) => (random() >= exposure(j) ? X : random() < logistic(item.a * theta + item.d) ? 1 : 0))
  })
}

describe('Rasch MML with items missing by design', () => {
  const k = 24
  const difficulties = Array.from({ length: k }, (_, j) => -2 + (4 * ((j * 7) % k)) / (k - 1))
  const exposure = (j: number) => 0.3 + (0.7 * j) / (k - 1)
  const rows = simulate(33, 2000, difficulties.map((b) => ({ a: 1, d: -b })), exposure)

  it('has about 40% of the responses missing', () => {
    const missing = rows.reduce((s, r) => s + r.filter((x) => x === X).length, 0) / (rows.length * k)
    within(missing, 0.35, 0.05)
  })

  // One calibration serves the recovery and standard-error checks (a heavy fit on a shared machine).
  let pool: PoolCalibration
  beforeAll(() => {
    pool = calibratePool(difficulties.map((_, j) => `i${j}`), rows, { tolerance: 1e-6 })
  }, 120_000)

  it('recovers the planted difficulties (r > 0.99, RMSE < 0.12) and the common slope', () => {
    expect(pool.converged).toBe(true)
    expect(pool.excluded).toEqual([])
    const estimated = pool.items.map((i) => i.difficulty)
    expect(correlation(estimated, difficulties)).toBeGreaterThan(0.99)
    expect(rmse(estimated, difficulties)).toBeLessThan(0.12)
    within(pool.discrimination, 1, 0.1)
  })

  it('by (form, score) gives exactly the pattern E-step\'s counts and log-likelihood', () => {
    const data = collapsePatterns(rows.slice(0, 400))
    const quad = normalQuadrature()
    const items = difficulties.map((b) => ({ a: 0.9, d: -b + 0.1 }))
    const byPattern = patternEStep(data, quad)(items)
    const byForm = formSumScoreEStep(data, k, quad)(items)
    within(byForm.logLikelihood, byPattern.logLikelihood, 1e-8)
    expect(byForm.n.length).toBe(k * quad.points.length)
    byPattern.n.forEach((v, i) => within(byForm.n[i]!, v, 1e-8))
    byPattern.r.forEach((v, i) => within(byForm.r[i]!, v, 1e-8))
  }, 60_000)

  it('gives standard errors that match the estimates\' actual error', () => {
    const ses = pool.items.map((i) => i.seDifficulty!)
    expect(ses.every((s) => s > 0.03 && s < 0.2)).toBe(true)
    // The least exposed item (i0) is estimated from fewer examinees than the most exposed (i23).
    expect(pool.items[0]!.seDifficulty!).toBeGreaterThan(pool.items[k - 1]!.seDifficulty!)
    // Standardised errors around 1 on average (a wrong SE formula is off by a large factor).
    const z = pool.items.map((it, j) => (it.difficulty - difficulties[j]!) / it.seDifficulty!)
    within(Math.sqrt(z.reduce((s, v) => s + v * v, 0) / z.length), 1, 0.5)
  })
})

describe('2PL MML with items missing by design', () => {
  it('recovers planted slopes and intercepts when 40% of responses are missing', () => {
    const truth = [{ a: 0.8, d: 1 }, { a: 1.2, d: 0 }, { a: 1.5, d: -0.5 }, { a: 1, d: 0.5 }, { a: 2, d: -1 }, { a: 0.6, d: 1.5 }, { a: 1.3, d: 0.2 }, { a: 0.9, d: -0.8 }]
    const rows = simulate(44, 5000, truth, (j) => 0.35 + 0.1 * j)
    const fit = calibrate2pl(collapsePatterns(rows), truth.map((_, j) => `i${j}`), { tolerance: 1e-6 })
    expect(fit.converged).toBe(true)
    truth.forEach((item, j) => {
      within(fit.items[j]!.a, item.a, 0.25)
      within(fit.items[j]!.d, item.d, 0.2)
    })
  }, 120_000)
})

describe('edges of incomplete responses', () => {
  it('counts a person presented one item only, on that item alone', () => {
    const rows = [[1, X, X], [0, 1, 1], [1, 0, 1], [0, 0, 1], [1, 1, 0], [0, 1, 0], [1, 0, 0], [1, 1, 1], [0, 0, 0]].map((r) => Uint8Array.from(r))
    const without = calibrateRasch(collapsePatterns(rows.slice(1)), ['a', 'b', 'c'])
    const withOne = calibrateRasch(collapsePatterns(rows), ['a', 'b', 'c'])
    expect(withOne.difficulties.every(Number.isFinite)).toBe(true)
    // One more right answer to item a makes a easier, and leaves the others nearly where they were.
    expect(withOne.difficulties[0]!).toBeLessThan(without.difficulties[0]!)
    // The one-item examinee's likelihood is P(a correct | θ) alone: the log-likelihood grows by log ∫ P.
    expect(withOne.logLikelihood).toBeLessThan(without.logLikelihood)
  })

  it('leaves out an item nobody was presented, with the reason, and calibrates the rest', () => {
    const rows = [[1, 0, X], [0, 1, X], [1, 1, X], [0, 0, X], [1, 0, X], [1, 1, X]].map((r) => Uint8Array.from(r))
    const pool = calibratePool(['a', 'b', 'unseen'], rows)
    expect(pool.excluded).toEqual([{ id: 'unseen', presented: 0, reason: 'not-presented' }])
    expect(pool.items.map((i) => i.id)).toEqual(['a', 'b'])
    expect(pool.items.every((i) => Number.isFinite(i.difficulty))).toBe(true)
    expect(() => calibrateRasch(collapsePatterns(rows), ['a', 'b', 'unseen'])).toThrow(/item "unseen" cannot be calibrated: no examinee was presented it/)
  })

  it('bounds an item everyone who saw it answered correctly: excluded with a flag, P = 1 on the curves, never NaN', () => {
    const random = seededRandom(5)
    const rows = Array.from({ length: 200 }, (_, i) => {
      const theta = 2 * random() - 1
      return Uint8Array.from([i % 4 === 0 ? X : 1, random() < logistic(theta) ? 1 : 0, i % 3 === 0 ? X : random() < logistic(theta + 0.5) ? 1 : 0])
    })
    const pool = calibratePool(['easy', 'b', 'c'], rows)
    expect(pool.excluded).toEqual([{ id: 'easy', presented: 150, reason: 'all-correct' }])
    for (const it of pool.items) {
      expect(Number.isFinite(it.difficulty)).toBe(true)
      expect(it.seDifficulty === null || Number.isFinite(it.seDifficulty)).toBe(true)
    }
    const result = formComparability(pool, [{ itemIds: ['easy', 'b', 'c'], candidates: 6 }, { itemIds: ['b', 'c'], candidates: 2 }], 75, 2, (p) => Math.abs(p - 75) > 2)
    const [withEasy, without] = result.forms
    expect(withEasy!.boundedItems).toBe(1)
    expect(Number.isNaN(withEasy!.expectedPercent)).toBe(false)
    // The bounded item adds exactly one point at θc.
    within(withEasy!.expectedPoints, without!.expectedPoints + 1, 1e-12)
  })

  it('drops an examinee whose every presented item was excluded, and says how many', () => {
    const rows = [[1, X, 1], [X, 1, 0], [X, 0, 1], [X, 1, 1], [X, 0, 0]].map((r) => Uint8Array.from(r))
    const pool = calibratePool(['a', 'b', 'c'], rows)
    expect(pool.excluded.map((e) => e.id)).toEqual(['a'])
    expect(pool.examinees).toBe(5)
    expect(pool.examineesWithoutItems).toBe(0)
    const alone = calibratePool(['a', 'b', 'c'], [...rows, Uint8Array.from([1, X, X])])
    expect(alone.examineesWithoutItems).toBe(1)
    expect(alone.examinees).toBe(5)
  })
})

describe('form comparability at the cut', () => {
  const pool = {
    model: 'rasch' as const, discrimination: 1, seDiscrimination: null, excluded: [], examinees: 100, examineesWithoutItems: 0, logLikelihood: 0, iterations: 1, converged: true,
    items: [-1, -0.5, 0, 0.5, 1].map((b, j) => ({ id: `i${j}`, presented: 100, p: 0.5, a: 1, d: -b, difficulty: b, seDifficulty: 0.1 })),
  }
  it('places θc where the pool\'s expected percent is the cut, and reads each form\'s TCC there', () => {
    const r = formComparability(pool, [{ itemIds: ['i0', 'i1'], candidates: 3 }, { itemIds: ['i3', 'i4'], candidates: 4 }, { itemIds: ['i0', 'i4'], candidates: 5 }], 75, 2, (p) => Math.abs(p - 75) > 2)
    const poolPercent = (100 * pool.items.reduce((s, it) => s + logistic(r.thetaCut + it.d), 0)) / 5
    within(poolPercent, 75, 1e-9)
    const [easy, hard, mixed] = r.forms
    within(easy!.expectedPoints, logistic(r.thetaCut + 1) + logistic(r.thetaCut + 0.5), 1e-12)
    expect(easy!.expectedPercent).toBeGreaterThan(77)
    expect(hard!.expectedPercent).toBeLessThan(73)
    expect([easy!.beyondTolerance, hard!.beyondTolerance]).toEqual([true, true])
    expect(r.summary.forms).toBe(3)
    within(r.summary.spread!, easy!.expectedPercent - hard!.expectedPercent, 1e-12)
    within(r.summary.median!, mixed!.expectedPercent, 1e-12)
  })
  it('summarises no forms as nulls', () => {
    expect(formComparability(pool, [], 75, 2, () => false).summary).toEqual({ forms: 0, min: null, median: null, max: null, spread: null, beyondTolerance: 0 })
  })
})
