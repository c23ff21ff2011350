import { describe, expect, it } from 'vitest'
import { binomialUpperTail, conjunctiveConsistency, consistencyFromPassProbabilities, subkoviak, subkoviakPassProbabilities } from './decision-consistency.js'

const m = (rows: number[][]) => rows.map((r) => Uint8Array.from(r))

describe('binomialUpperTail', () => {
  it('sums the binomial upper tail', () => {
    expect(binomialUpperTail(2, 0.5, 1)).toBeCloseTo(0.75, 12)
    expect(binomialUpperTail(4, 0.75, 3)).toBeCloseTo(4 * 0.75 ** 3 * 0.25 + 0.75 ** 4, 12)
    expect(binomialUpperTail(36, 0.5, 0)).toBe(1)
    expect(binomialUpperTail(36, 0.5, 37)).toBe(0)
    expect(binomialUpperTail(36, 0, 27)).toBe(0)
    expect(binomialUpperTail(36, 1, 27)).toBe(1)
  })
})

describe('consistencyFromPassProbabilities', () => {
  it('is perfect when every classification is certain', () => {
    expect(consistencyFromPassProbabilities([1, 0, 1, 0])).toMatchObject({ agreement: 1, chanceAgreement: 0.5, kappa: 1, expectedPassRate: 0.5 })
  })
  it('gives κ = 0 when everyone has the same chance', () => {
    const c = consistencyFromPassProbabilities([0.5, 0.5])
    expect(c.agreement).toBe(0.5)
    expect(c.kappa).toBe(0)
  })
  it('gives κ null when everyone passes for certain', () => {
    expect(consistencyFromPassProbabilities([1, 1]).kappa).toBeNull()
  })
  it('refuses no examinees', () => {
    expect(() => consistencyFromPassProbabilities([])).toThrow(RangeError)
  })
})

describe('subkoviak', () => {
  it("regresses each score toward the mean by the reliability (Kelley) and takes the binomial tail", () => {
    // k = 4, cut 3, ρ = .5, mean 2: a score of 4 gives τ̂ = (.5·4 + .5·2)/4 = .75.
    const p = subkoviakPassProbabilities([4, 2], 4, 3, 0.5, 2)
    expect(p[0]).toBeCloseTo(binomialUpperTail(4, 0.75, 3), 12)
    expect(p[1]).toBeCloseTo(binomialUpperTail(4, 0.5, 3), 12)
  })
  it('with reliability 0 everyone gets the same probability: κ = 0', () => {
    const r = subkoviak(m([[1, 1, 1, 0], [0, 0, 1, 0], [1, 1, 1, 1]]), { cut: 3, reliability: 0 })
    expect(r.kappa).toBeCloseTo(0, 12)
  })
  it('uses KR-21 by default and KR-20 on request', () => {
    const rows = m([[1, 1, 1], [1, 1, 0], [1, 0, 0], [0, 0, 0]])
    expect(subkoviak(rows, { cut: 2 }).reliability).toBeCloseTo(0.6, 12)
    expect(subkoviak(rows, { cut: 2, reliability: 'kr20' }).reliability).toBeCloseTo(0.75, 12)
  })
  it('handles one examinee and all correct without NaN', () => {
    const one = subkoviak(m([[1, 0, 1]]), { cut: 2 })
    expect(one.reliability).toBe(0)
    expect(Number.isFinite(one.agreement)).toBe(true)
    const all = subkoviak(m([[1, 1], [1, 1]]), { cut: 2 })
    expect(all).toMatchObject({ agreement: 1, kappa: null, expectedPassRate: 1 })
  })
  it('agrees better for a long reliable test than a short one', () => {
    // Examinees far from the cut on a long test are classified nearly surely.
    const long = subkoviak(m([...Array(10)].map((_, i) => [...Array(40)].map((__, j) => (i < 5 ? (j < 38 ? 1 : 0) : j < 10 ? 1 : 0)))), { cut: 30 })
    expect(long.agreement).toBeGreaterThan(0.99)
    expect(long.kappa!).toBeGreaterThan(0.98)
  })
})

describe('conjunctiveConsistency', () => {
  it('multiplies per-module pass probabilities (independent errors)', () => {
    const c = conjunctiveConsistency([[0.9, 0.5, 1], [0.8, 1, 0]])
    expect([...c.passProbabilities]).toEqual([0.9 * 0.8, 0.5, 0])
    expect(c.agreement).toBeCloseTo(((0.72 ** 2 + 0.28 ** 2) + 0.5 + 1) / 3, 12)
  })
  it('refuses modules over different examinees', () => {
    expect(() => conjunctiveConsistency([[1], [1, 0]])).toThrow(RangeError)
    expect(() => conjunctiveConsistency([])).toThrow(RangeError)
  })
})
